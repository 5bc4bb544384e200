/**
 * The MBO's intake status of a received dossier (spec §9): placement feedback to the school. Only
 * staff of the instelling the student chose set it, only on an afgerond dossier; the student and
 * the school's decaan read it, nobody else. Reading the dossier marks it read.
 */
import * as z from 'zod/mini';
import { chosenInstelling } from './choice.js';
import type { Actor, Dossier } from './contract.js';
import { registerTexts, text, type Localized } from './i18n.js';
import { allow, refuse, type Decision } from './refusals.js';

export const intakeStatuses = ['nieuw', 'gelezen', 'intakeGepland', 'geplaatst', 'nietGeplaatst'] as const;
export type IntakeStatus = (typeof intakeStatuses)[number];

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** What an MBO sends to set the status: a date with intakeGepland, a reason with nietGeplaatst. */
export const intakeRequestSchema = z.object({
  status: z.enum(intakeStatuses),
  datum: z.optional(isoDate),
  reden: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
});
export type IntakeRequest = z.infer<typeof intakeRequestSchema>;

export const intakeSchema = z.object({
  status: z.enum(intakeStatuses),
  /** The planned intake (intakeGepland, and kept afterwards). */
  datum: z.optional(isoDate),
  /** Why not placed (nietGeplaatst). */
  reden: z.optional(z.string()),
  updatedAt: z.string().check(z.maxLength(40)),
});
export type Intake = z.infer<typeof intakeSchema>;

/** A dossier nobody at the MBO has opened yet. */
export const newIntake = (at: string): Intake => ({ status: 'nieuw', updatedAt: at });

/** Whether the actor may set the intake status: staff of the chosen instelling, once afgerond. */
export function canSetIntake(actor: Actor, dossier: Pick<Dossier, 'status' | 'answers'>): Decision {
  if (actor.role !== 'mbo') return refuse('wrongRole');
  const brin = actor.instelling?.brin;
  if (dossier.status !== 'afgerond' || !brin || chosenInstelling(dossier) !== brin) return refuse('notYours');
  return allow;
}

/** Whether the actor reads the intake status of a dossier they can see: the student, the decaan, the MBO. */
export function seesIntake(actor: Actor): boolean {
  return actor.role === 'student' || actor.role === 'decaan' || actor.role === 'mbo';
}

/** What is missing for this status, as `errors[]` paths; empty when the request is complete. */
export function intakeRequestErrors(request: IntakeRequest): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (request.status === 'nieuw') errors.push({ path: 'status', message: 'an intake cannot go back to nieuw' });
  if (request.status === 'intakeGepland' && !request.datum) errors.push({ path: 'datum', message: 'required with intakeGepland' });
  if (request.status === 'nietGeplaatst' && !request.reden?.trim()) errors.push({ path: 'reden', message: 'required with nietGeplaatst' });
  return errors;
}

/** The record after a request: the date stays once planned, a reason only with nietGeplaatst. */
export function applyIntake(previous: Intake | undefined, request: IntakeRequest, at: string): Intake {
  const datum = request.datum ?? previous?.datum;
  return {
    status: request.status,
    ...(datum ? { datum } : {}),
    ...(request.status === 'nietGeplaatst' && request.reden ? { reden: request.reden.trim() } : {}),
    updatedAt: at,
  };
}

export const intakeLabels: Readonly<Record<IntakeStatus, Localized>> = {
  nieuw: text('Nieuw'),
  gelezen: text('Gelezen'),
  intakeGepland: text('Intake gepland'),
  geplaatst: text('Geplaatst'),
  nietGeplaatst: text('Niet geplaatst'),
};

registerTexts(() => intakeStatuses.map((status) => [`intake.${status}`, intakeLabels[status]] as const));
