/**
 * The request bodies of the contract (spec §8), as the fetch handler parses them. Apart from
 * contract.ts because only a backend needs them: the script-tag bundle, which only sends, leaves
 * this module out (the SDK is free of side effects, so an unused module is dropped whole).
 */
import * as z from 'zod/mini';
import { answersSchemaOf, dossierTypeSchema, isStorableText, limits, unstorableTextMessage, type TextSchema } from './contract.js';

// Requests carry only storable text, so every backend refuses the same input with a 400 rather than failing to store it.
const storableText: TextSchema = (maxLength) => z.string().check(...(maxLength === undefined ? [] : [z.maxLength(maxLength)]), z.refine(isStorableText, { error: unstorableTextMessage }));

/** One section's answers as a client sends them: the shape of `sectionAnswersSchema`, and only storable text. */
export const sentSectionAnswersSchema = answersSchemaOf(storableText);

export const createDossierRequestSchema = z.object({ type: dossierTypeSchema, copyFrom: z.optional(storableText(limits.id).check(z.minLength(1))) });
export type CreateDossierRequest = z.infer<typeof createDossierRequestSchema>;

export const saveSectionRequestSchema = z.object({ answers: sentSectionAnswersSchema });

export const actionRequestSchema = z.object({
  /** submitToMentor: a mentor from the roster… */
  mentorId: z.optional(storableText(limits.id).check(z.minLength(1))),
  /** …or, without a roster, a free name and e-mail. */
  mentor: z.optional(z.object({ naam: storableText(200), email: storableText(254) })),
});
export type ActionRequest = z.infer<typeof actionRequestSchema>;

/** `POST /reminders` (decaan): the students to remind of their next step. */
export const reminderRequestSchema = z.object({ studentIds: z.array(storableText(limits.id).check(z.minLength(1))).check(z.minLength(1), z.maxLength(2000)) });
export type ReminderRequest = z.infer<typeof reminderRequestSchema>;

/** `POST /schools/{id}/klassen/{klas}/mentor` (decaan): the mentor of the school who takes the klas over. */
export const klasMoveRequestSchema = z.object({ mentorId: storableText(limits.id).check(z.minLength(1)) });
export type KlasMoveRequest = z.infer<typeof klasMoveRequestSchema>;
