/**
 * Brings a fresh dossier of the suite's student into any state of the workflow, through the
 * contract only: create, fill deel A, submit, deel B by the mentor, inzage and consent, finalize,
 * archive. Every step is a real request, so building is itself a walk through the happy path.
 */
import { buildSections, completion, guardianConsentNeeded, sharingClassOf, type Dossier, type DossierAction, type SectionDefinition } from '../sdk.js';
import { answersFor, birthDateForAge, isoDay, type AnswerContext } from './answers.js';
import type { Cell, DossierType, Party } from './expectations.js';
import { Mismatch, type World } from './harness.js';

/** The age the suite gives its student: under the consent age, so a guardian must consent too. */
const studentAge = 15;

export class DossierBuilder {
  constructor(private readonly world: World) {}

  get answerContext(): AnswerContext {
    return { birthDate: birthDateForAge(studentAge, this.world.today), today: isoDay(this.world.today), references: this.world.references };
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

  /** Valid complete answers of a section, for saves anyone tries. */
  answers(type: DossierType, sectionId: string): Record<string, unknown> {
    const section = this.section(type, sectionId);
    if (sectionId === 'akkoordverklaring') return answersFor(section, this.answerContext, { akkoord: 'ja', delen: this.sharingChoice(type).delen, toestemming: true });
    if (sectionId === 'ouderToestemming') {
      const { datum: _serverSets, ...rest } = answersFor(section, this.answerContext, { naam: this.world.me.guardian.person.naam, toestemming: true });
      return rest;
    }
    return answersFor(section, this.answerContext);
  }

  private async save(party: Party, dossier: Dossier, sectionId: string, answers: Record<string, unknown>): Promise<Dossier> {
    const saved = await this.world.api[party].saveSection(dossier.id, sectionId, answers, dossier.version);
    if (saved.version !== dossier.version + 1) throw new Mismatch(`saving ${sectionId} gave version ${saved.version}, expected ${dossier.version + 1}`);
    return saved;
  }

  async act(party: Party, dossier: Dossier, action: DossierAction): Promise<Dossier> {
    const request = action === 'submitToMentor' ? this.world.mentorRequest : {};
    const next = await this.world.api[party].act(dossier.id, action, request, dossier.version);
    if (next.version !== dossier.version + 1) throw new Mismatch(`${action} gave version ${next.version}, expected ${dossier.version + 1}`);
    return next;
  }

  /** The dossier as its owner sees it now. */
  ownerView(id: string): Promise<Dossier> {
    return this.world.api.owner.getDossier(id);
  }

  async create(type: DossierType): Promise<Dossier> {
    const created = await this.world.api.owner.createDossier({ type });
    if (created.status !== 'concept' || created.archived || created.version < 1) throw new Mismatch(`a new dossier is ${created.status} v${created.version}`);
    return created;
  }

  /** Saves every deel A section that is not complete yet, and makes the student a minor. */
  async fillDeelA(dossier: Dossier): Promise<Dossier> {
    let current = dossier;
    const context = this.answerContext;
    const done = completion(current, this.world.config, { today: this.world.today });
    for (const section of this.sections(current.type).filter((s) => s.part === 'A')) {
      const birthDate = current.answers['persoonlijk']?.['geboortedatum'];
      const needsAge = section.id === 'persoonlijk' && birthDate !== context.birthDate;
      if (done.sections[section.id]?.status === 'complete' && !needsAge) continue;
      current = await this.save('owner', current, section.id, answersFor(section, context));
    }
    const after = completion(current, this.world.config, { today: this.world.today });
    if (!after.partA.complete) {
      const open = Object.values(after.sections).filter((s) => s.part === 'A' && s.status !== 'complete').map((s) => s.sectionId);
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
  async consent(dossier: Dossier): Promise<Dossier> {
    let current = await this.act('owner', dossier, 'recordInzage');
    current = await this.save('owner', current, 'akkoordverklaring', this.answers(current.type, 'akkoordverklaring'));
    if (guardianConsentNeeded(current, this.world.config, this.world.today)) {
      current = await this.act('guardian', current, 'recordInzage');
      current = await this.save('guardian', current, 'ouderToestemming', this.answers(current.type, 'ouderToestemming'));
    }
    return this.ownerView(current.id);
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
    if (cell.archived) dossier = await this.act('owner', dossier, 'archive');
    const seen = await this.ownerView(dossier.id);
    if (seen.status !== cell.status || seen.archived !== cell.archived) throw new Mismatch(`building ${cell.type} ${cell.status} ended in ${seen.status}${seen.archived ? ' (archived)' : ''}`);
    return seen;
  }
}
