/**
 * Brings a fresh dossier of a student into any state of the workflow, through the contract only:
 * create, fill deel A, submit, deel B by the mentor, inzage and consent, finalize, archive. Every
 * step is a real request, so building is itself a walk through the happy path.
 *
 * What the school registered (A1's persoonsgebonden nummer and geboortedatum) is never sent: the
 * new dossier holds it, and a conforming backend refuses a change (spec §3, v2). Only where the
 * backend holds none does the builder type them, for a student of `typedAge`.
 */
import { buildSections, completion, sharingClassOf, type Actor, type Dossier, type DossierAction, type DossierApi, type SectionDefinition } from '../sdk.js';
import { ageOn, answersFor, birthDateForAge, isoDay, type AnswerContext } from './answers.js';
import type { Cell, DossierType } from './expectations.js';
import { Mismatch, type World } from './harness.js';

/** The people a builder acts as: the student, their guardian and their mentor. */
export type Actant = 'owner' | 'guardian' | 'assignedMentor';

export interface Cast {
  owner: { api: DossierApi; me: Actor };
  guardian?: { api: DossierApi; me: Actor };
  assignedMentor?: { api: DossierApi; me: Actor };
  mentorRequest?: World['mentorRequest'];
  /** The age typed in A1 when the backend holds no registered birth date. */
  typedAge: number;
}

/** The A1 answers the school registers (spec §3): prefilled and read-only when the backend holds them. */
const registeredNumber = ['nummerSoort', 'bsn', 'onderwijsnummer'];

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

export class DossierBuilder {
  readonly cast: Cast;

  /** The suite's student, guardian and mentor; `cast` replaces them (an optional token's student). */
  constructor(
    private readonly world: World,
    cast: Partial<Cast> = {},
  ) {
    this.cast = {
      owner: { api: world.api.owner, me: world.me.owner },
      guardian: { api: world.api.guardian, me: world.me.guardian },
      assignedMentor: { api: world.api.assignedMentor, me: world.me.assignedMentor },
      ...(world.mentorRequest ? { mentorRequest: world.mentorRequest } : {}),
      // Under the consent age, so a guardian must consent too (used only without a registered birth date).
      typedAge: 15,
      ...cast,
    };
  }

  api(actant: Actant): DossierApi {
    const person = this.cast[actant];
    if (!person) throw new Mismatch(`no ${actant} to act as`);
    return person.api;
  }

  /** The birth date that decides the consent age (spec §5): the registered one, else the one typed in A1. */
  birthDateOf(dossier: Pick<Dossier, 'student' | 'answers'>): string | undefined {
    const typed = dossier.answers['persoonlijk']?.['geboortedatum'];
    return dossier.student.geboortedatum ?? (typeof typed === 'string' ? typed : undefined);
  }

  /** Spec §5: a guardian consents too while the student is younger than `guardianConsentBelowAge` (unknown age: yes). */
  guardianNeeded(dossier: Pick<Dossier, 'student' | 'answers'>): boolean {
    const birthDate = this.birthDateOf(dossier);
    if (birthDate === undefined) return true;
    const age = ageOn(birthDate, this.world.today);
    return Number.isNaN(age) || age < this.world.config.guardianConsentBelowAge;
  }

  answerContext(type: DossierType, dossier?: Pick<Dossier, 'student' | 'answers'>): AnswerContext {
    return {
      birthDate: birthDateForAge(this.cast.typedAge, this.world.today),
      today: isoDay(this.world.today),
      type,
      guardianNeeded: dossier ? this.guardianNeeded(dossier) : this.cast.typedAge < this.world.config.guardianConsentBelowAge,
      references: this.world.references ?? {},
    };
  }

  sections(type: DossierType): SectionDefinition[] {
    return [...buildSections(this.world.config, type)];
  }

  section(type: DossierType, id: string): SectionDefinition {
    const found = this.sections(type).find((s) => s.id === id);
    if (!found) throw new Mismatch(`The region config has no section ${id} for ${type}`);
    return found;
  }

  /** Sections offered in `delen`, minus one optional section the student keeps to themselves. */
  sharingChoice(type: DossierType): { delen: string[]; withheld?: string } {
    const delen = this.section(type, 'akkoordverklaring').questions.find((q) => q.id === 'delen');
    const offered = delen && delen.kind === 'multiChoice' ? delen.options.map((o) => String(o.value)) : [];
    const optional = offered.filter((id) => sharingClassOf(this.world.config, this.section(type, id)) === 'optioneel');
    // Prefer a section without legally required questions: those are shared whatever is chosen.
    const wholly = optional.find((id) => {
      const section = this.section(type, id);
      return section.questions.every((q) => sharingClassOf(this.world.config, section, q) !== 'verplicht');
    });
    const withheld = wholly ?? optional[0];
    return { delen: offered.filter((id) => id !== withheld), ...(withheld ? { withheld } : {}) };
  }

  /** Valid complete answers of a section, for saves anyone tries (A1 without what the school registers). */
  answers(type: DossierType, sectionId: string, dossier?: Pick<Dossier, 'student' | 'answers'>): Record<string, unknown> {
    const section = this.section(type, sectionId);
    const context = this.answerContext(type, dossier);
    if (sectionId === 'akkoordverklaring') return answersFor(section, context, { akkoord: 'ja', delen: this.sharingChoice(type).delen, toestemming: true });
    if (sectionId === 'ouderToestemming') {
      const naam = this.cast.guardian?.me.person.naam ?? 'Ouder van de conformance-test';
      const { datum: _serverSets, ...rest } = answersFor(section, context, { naam, toestemming: true });
      return rest;
    }
    if (sectionId === 'persoonlijk') return this.persoonlijk(section, context, dossier);
    return answersFor(section, context);
  }

  /** A1: what the dossier already holds of the number and the birth date stays as it is (registered: read-only). */
  private persoonlijk(section: SectionDefinition, context: AnswerContext, dossier?: Pick<Dossier, 'student' | 'answers'>): Record<string, unknown> {
    const held = dossier?.answers['persoonlijk'] ?? {};
    const holdsNumber = dossier?.student.nummerSoort !== undefined || given(held['nummerSoort']);
    const holdsBirthDate = dossier?.student.geboortedatum !== undefined || given(held['geboortedatum']);
    const answers = answersFor(section, context, { nummerSoort: holdsNumber ? (held['nummerSoort'] ?? dossier?.student.nummerSoort) : 'bsn' });
    if (holdsNumber) for (const key of registeredNumber) delete answers[key];
    if (holdsBirthDate) delete answers['geboortedatum'];
    return answers;
  }

  async save(actant: Actant, dossier: Dossier, sectionId: string, answers: Record<string, unknown>): Promise<Dossier> {
    const saved = await this.api(actant).saveSection(dossier.id, sectionId, answers, dossier.version);
    if (saved.version !== dossier.version + 1) throw new Mismatch(`saving ${sectionId} gave version ${saved.version}, expected ${dossier.version + 1}`);
    return saved;
  }

  async act(actant: Actant, dossier: Dossier, action: DossierAction, request?: Record<string, unknown>): Promise<Dossier> {
    let body = request ?? {};
    if (action === 'submitToMentor' && !request) {
      if (!this.cast.mentorRequest) throw new Mismatch('the student has no way to name the mentor (see setup)');
      body = this.cast.mentorRequest;
    }
    const next = await this.api(actant).act(dossier.id, action, body, dossier.version);
    if (next.version !== dossier.version + 1) throw new Mismatch(`${action} gave version ${next.version}, expected ${dossier.version + 1}`);
    return next;
  }

  /** The dossier as its owner sees it now. */
  ownerView(id: string): Promise<Dossier> {
    return this.api('owner').getDossier(id);
  }

  async create(type: DossierType): Promise<Dossier> {
    const created = await this.api('owner').createDossier({ type });
    if (created.status !== 'concept' || created.archived || created.version < 1) throw new Mismatch(`a new dossier is ${created.status} v${created.version}`);
    return created;
  }

  /** Saves every deel A section that is not complete yet. */
  async fillDeelA(dossier: Dossier, except: (sectionId: string) => Record<string, unknown> | undefined = () => undefined): Promise<Dossier> {
    let current = dossier;
    const done = completion(current, this.world.config, { today: this.world.today });
    for (const section of this.sections(current.type).filter((s) => s.part === 'A')) {
      const own = except(section.id);
      if (!own && done.sections[section.id]?.status === 'complete') continue;
      current = await this.save('owner', current, section.id, own ?? this.answers(current.type, section.id, current));
    }
    const after = completion(current, this.world.config, { today: this.world.today });
    if (!after.partA.complete) {
      const open = Object.values(after.sections)
        .filter((s) => s.part === 'A' && s.status !== 'complete')
        .map((s) => s.sectionId);
      throw new Mismatch(`deel A is not complete after filling it (open: ${open.join(', ')})`);
    }
    return current;
  }

  async fillDeelB(dossier: Dossier): Promise<Dossier> {
    let current = await this.save('assignedMentor', dossier, 'begeleiding', this.answers('vo-mbo', 'begeleiding'));
    current = await this.save('assignedMentor', current, 'advies', this.answers('vo-mbo', 'advies'));
    return current;
  }

  /** Inzage and akkoordverklaring by the student; inzage and consent by the guardian when needed. */
  async consent(dossier: Dossier, options: { guardian?: boolean } = {}): Promise<Dossier> {
    let current = await this.act('owner', dossier, 'recordInzage');
    current = await this.save('owner', current, 'akkoordverklaring', this.answers(current.type, 'akkoordverklaring', current));
    if ((options.guardian ?? true) && this.guardianNeeded(current)) {
      current = await this.act('guardian', current, 'recordInzage');
      current = await this.save('guardian', current, 'ouderToestemming', this.answers(current.type, 'ouderToestemming', current));
    }
    return this.ownerView(current.id);
  }

  /** A vo-mbo dossier through one mentor round: submitted, deel B filled, sent to the student (akkoord). */
  async mentorRound(dossier: Dossier): Promise<Dossier> {
    const submitted = await this.act('owner', dossier, 'submitToMentor');
    const started = await this.act('assignedMentor', submitted, 'startDeelB');
    return this.act('assignedMentor', await this.fillDeelB(started), 'sendToStudent');
  }

  /** A new dossier in the cell's state, as its owner sees it. */
  async build(cell: Cell): Promise<Dossier> {
    let dossier = await this.fillDeelA(await this.create(cell.type));
    const steps: Record<string, number> = { concept: 0, bijMentor: 1, deelB: 2, akkoord: 3, afgerond: 4 };
    const reach = steps[cell.status]!;
    if (cell.type === 'vo-mbo') {
      if (reach >= 1 || cell.mentorAssigned) dossier = await this.act('owner', dossier, 'submitToMentor');
      if (reach === 0 && cell.mentorAssigned) dossier = await this.act('owner', dossier, 'returnToDeelA');
      if (reach >= 2) dossier = await this.fillDeelB(await this.act('assignedMentor', dossier, 'startDeelB'));
      if (reach >= 3) dossier = await this.consent(await this.act('assignedMentor', dossier, 'sendToStudent'));
    } else if (reach >= 3) {
      dossier = await this.consent(await this.act('owner', dossier, 'submitForConsent'));
    }
    if (reach >= 4) dossier = await this.act('owner', dossier, 'finalize');
    // Spec §5 (v2): the school archives (the assigned mentor), the student reactivates.
    if (cell.archived) dossier = await this.act('assignedMentor', dossier, 'archive');
    const seen = await this.ownerView(dossier.id);
    if (seen.status !== cell.status || seen.archived !== cell.archived) throw new Mismatch(`building ${cell.type} ${cell.status} ended in ${seen.status}${seen.archived ? ' (archived)' : ''}`);
    return seen;
  }
}
