/**
 * What the student chooses and names, checked by the backend (spec v2, issue 12): the A7 choice
 * against the catalogue, the mentor from the roster of their klas (or by name and e-mail where the
 * school keeps none), A3 per dossier type, and the region's support contact.
 */
import type { Dossier, Institution, Location, Programme, ReferenceAnswer } from '../sdk.js';
import { DossierBuilder } from './builder.js';
import { actionPath, checkWith, compareOutcome, complain, expect, ifMatch, sectionPath, stableJson, type Recorder, type World } from './harness.js';

const institutionRef = (i: Institution): ReferenceAnswer => ({ id: i.brin, label: i.naam, detail: { brin: i.brin } });
const locationRef = (l: Location): ReferenceAnswer => ({ id: l.code, label: l.naam, detail: { plaats: l.plaats } });
const programmeRef = (p: Programme): ReferenceAnswer => ({ id: p.id, label: p.naam, detail: { crebo: p.crebo, niveau: p.niveau, leerweg: p.leerweg, cohort: p.cohort } });

/** Issue 12 (4): the A7 choice is checked against the backend's catalogue; labels are the catalogue's. */
export async function catalogueChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'A7 checked against the catalogue';
  if (!recorder.wants(group)) return;
  const rule = 'spec v2: the backend checks the A7 choice against its catalogue (the instelling exists, the locatie and opleiding are its own and the opleiding is given there): ';
  // A new dossier per case: a choice one backend stored by mistake must not spoil the next case.
  const fresh = () => builder.create('vo-mbo');
  const facts = world.catalogue;
  const own = facts && { instelling: institutionRef(facts.institution), locatie: locationRef(facts.location), opleiding: programmeRef(facts.programme) };
  const other = facts?.other;
  const cases: { name: string; answers?: Record<string, ReferenceAnswer>; path: string; lacks: string }[] = [
    { name: 'an instelling the catalogue does not have', answers: { instelling: { id: 'XX99', label: 'ROC Nergens', detail: { brin: 'XX99' } } }, path: 'answers.instelling', lacks: '' },
    {
      name: 'a locatie of another instelling',
      ...(own && other?.location ? { answers: { instelling: own.instelling, locatie: locationRef(other.location) } } : {}),
      path: 'answers.locatie',
      lacks: 'needs a location of another instelling in the catalogue',
    },
    {
      name: 'an opleiding of another instelling',
      ...(own && other?.programme ? { answers: { instelling: own.instelling, locatie: own.locatie, opleiding: programmeRef(other.programme) } } : {}),
      path: 'answers.opleiding',
      lacks: 'needs a programme of another instelling in the catalogue',
    },
    {
      name: 'an opleiding not given at the chosen locatie',
      ...(own && facts.notOffered ? { answers: { instelling: own.instelling, locatie: locationRef(facts.notOffered.location), opleiding: programmeRef(facts.notOffered.programme) } } : {}),
      path: 'answers.opleiding',
      lacks: "needs a programme that the catalogue gives at some of its instelling's locations only (programme.locatieCodes)",
    },
  ];
  for (const c of cases) {
    const name = `${c.name}: 422 notInCatalogue, nothing stored`;
    if (!c.answers) {
      if (world.missing.has('catalogue')) recorder.skip(group, name, world.missing.get('catalogue')!);
      else recorder.skip(group, name, c.lacks);
      continue;
    }
    const answers = c.answers;
    await recorder.check(group, name, async () => {
      const before = await fresh();
      const response = await world.http.request(world.token('owner'), 'PATCH', sectionPath(before, 'vervolgkeuze'), { json: { answers }, headers: ifMatch(before.version) });
      const problems: string[] = [];
      const complaint = compareOutcome(response, { status: 422, reason: 'notInCatalogue' });
      if (complaint) problems.push(`saving A7 with ${c.name}: ${complaint}`);
      else if (!(response.problem?.errors ?? []).some((e) => e.path === c.path))
        problems.push(`errors[] should name ${c.path}, got ${JSON.stringify((response.problem?.errors ?? []).map((e) => e.path))}`);
      const after = await builder.ownerView(before.id);
      if (after.version !== before.version || stableJson(after.answers['vervolgkeuze']) !== stableJson(before.answers['vervolgkeuze']))
        problems.push(`the refused choice was stored (v${before.version} → v${after.version})`);
      complain(problems, rule);
    });
  }
  await checkWith(recorder, world, ['catalogue'], group, "forged labels are replaced by the catalogue's", async () => {
    const before = await fresh();
    const forged = {
      instelling: { ...own!.instelling, label: 'Het ROC dat je wilde' },
      locatie: { ...own!.locatie, label: 'Centrum' },
      opleiding: { ...own!.opleiding, label: 'Piloot', detail: { crebo: '00000', niveau: 4, leerweg: 'BOL', cohort: '1999' } },
    };
    const response = await world.http.request(world.token('owner'), 'PATCH', sectionPath(before, 'vervolgkeuze'), { json: { answers: forged }, headers: ifMatch(before.version) });
    const complaint = compareOutcome(response, { status: 200 });
    expect(!complaint, `saving the A7 choice with other labels: ${complaint}`);
    const stored = (await builder.ownerView(before.id)).answers['vervolgkeuze'] ?? {};
    const problems: string[] = [];
    for (const key of ['instelling', 'locatie', 'opleiding'] as const) {
      const got = stored[key] as ReferenceAnswer | undefined;
      const want = own![key];
      if (got?.id !== want.id || got.label !== want.label) problems.push(`${key} is stored as ${JSON.stringify(got?.label)} (id ${got?.id}), the catalogue says ${JSON.stringify(want.label)}`);
    }
    const detail = (stored['opleiding'] as ReferenceAnswer | undefined)?.detail;
    if (detail?.['crebo'] !== facts!.programme.crebo) problems.push(`opleiding's crebo is stored as ${String(detail?.['crebo'])}, the catalogue says ${facts!.programme.crebo}`);
    complain(problems, 'spec v2: labels come from the catalogue, not from the client (the id decides which MBO reads the dossier, the label is what the student saw): ');
  });
}

/** Issue 12 (6): the roster is the school's and per klas; without one the student names a mentor by name and e-mail. */
export async function rosterChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'roster per school and klas';
  if (!recorder.wants(group)) return;
  await checkWith(recorder, world, ['people', 'roster'], group, 'a student is offered only the mentors of their klas', async () => {
    const school = world.me.owner.school!.id;
    const roster = await world.api.owner.mentors(school);
    const problems: string[] = [];
    for (const party of ['owner', 'assignedMentor'] as const) {
      if (world.me[party].school?.mentorRoster !== true)
        problems.push(`GET /me of the ${party === 'owner' ? 'student' : 'mentor'} says school.mentorRoster ${String(world.me[party].school?.mentorRoster)}, expected true (the school keeps a roster)`);
    }
    if (!roster.some((m) => m.id === world.me.assignedMentor.person.id)) problems.push(`the roster lacks the klas's mentor ${world.me.assignedMentor.person.id}`);
    if (roster.some((m) => m.id === world.me.otherMentor.person.id)) problems.push(`the roster offers otherMentor ${world.me.otherMentor.person.id}, who mentors another klas`);
    complain(problems, 'spec v2: a student chooses from the mentors of their klas (GET /schools/{id}/mentors as the student): ');
    return `${roster.length} mentor(s)`;
  });
  await checkWith(recorder, world, ['people', 'roster', 'catalogue'], group, 'with a roster, a free name and e-mail and a mentor of another klas are refused (422 mentorNotOnRoster)', async () => {
    const dossier = await builder.fillDeelA(await builder.create('vo-mbo'));
    const problems: string[] = [];
    for (const [what, request] of [
      ['a free name and e-mail', { mentor: { naam: 'Meneer Vrij Gekozen', email: 'vrij.gekozen@voorbeeld.nl' } }],
      ['the mentor of another klas (otherMentor)', { mentorId: world.me.otherMentor.person.id }],
    ] as const) {
      const current = await builder.ownerView(dossier.id);
      const response = await world.http.request(world.token('owner'), 'POST', actionPath(current, 'submitToMentor'), { json: request, headers: ifMatch(current.version) });
      const complaint = compareOutcome(response, { status: 422, reason: 'mentorNotOnRoster' });
      if (complaint) problems.push(`submitToMentor naming ${what}: ${complaint}`);
    }
    const after = await builder.ownerView(dossier.id);
    if (after.status !== 'concept' || after.version !== dossier.version) problems.push(`the dossier went to ${after.status} v${after.version}`);
    complain(problems, "spec v2: at a school with a roster the student names a mentor of their klas's roster: ");
  });
  await checkWith(recorder, world, ['noRosterStudent', 'catalogue'], group, 'a school without a roster: the student names a mentor by name and e-mail, who then finds the dossier', async () => {
    const student = world.optional.noRosterStudent!;
    const mentor = world.optional.noRosterMentor!;
    const problems: string[] = [];
    const school = student.me.school!;
    if (school.mentorRoster !== false) problems.push(`GET /me says mentorRoster ${String(school.mentorRoster)} for noRosterStudent's school, expected false`);
    const offered = await student.api.mentors(school.id);
    if (offered.length) problems.push(`GET /schools/${school.id}/mentors offers ${offered.length} mentor(s), expected [] (no roster)`);
    const request = { mentor: { naam: mentor.me.person.naam, email: mentor.me.person.email! } };
    const own = new DossierBuilder(world, { owner: student, guardian: undefined, assignedMentor: mentor, mentorRequest: request });
    const dossier = await own.fillDeelA(await own.create('vo-mbo'));
    const response = await world.http.request(student.token, 'POST', actionPath(dossier, 'submitToMentor'), { json: request, headers: ifMatch(dossier.version) });
    const complaint = compareOutcome(response, { status: 200 });
    if (complaint) problems.push(`submitToMentor with ${JSON.stringify(request.mentor)}: ${complaint}`);
    else {
      const list = await mentor.api.listDossiers({ view: 'teBehandelen' });
      if (!list.items.some((d) => d.id === dossier.id)) problems.push("the named mentor's te behandelen lacks the dossier");
      const read = await world.http.request(mentor.token, 'GET', `dossiers/${encodeURIComponent(dossier.id)}`);
      const readComplaint = compareOutcome(read, { status: 200 });
      if (readComplaint) problems.push(`the named mentor reading it: ${readComplaint}`);
      else if (!('motivatie' in ((read.body as Dossier).answers ?? {}))) problems.push('the named mentor does not read deel A');
    }
    complain(problems, 'spec v2: whether a school keeps a roster is a fact of the school; without one the student types a name and e-mail and that mentor (by e-mail) gets the dossier: ');
  });
}

/** Issue 12 (11): A3 asks werk-mbo for a diploma, not a klas or this year's diploma; the region's support contact. */
export async function contentChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  await recorder.check('support contact', 'GET /config names a support contact: naam and an e-mail, phone or url', async () => {
    const support = world.config.support as { naam?: string; email?: string; telefoon?: string; url?: string } | undefined;
    const problems: string[] = [];
    if (!support?.naam?.trim()) problems.push('support has no naam');
    if (![support?.email, support?.telefoon, support?.url].some((v) => typeof v === 'string' && v.trim() !== '')) problems.push('support has no email, telefoon or url');
    complain(problems, 'spec §7: the region serves its support contact (shown in help and in every dead-end message): ');
    return support?.naam;
  });
  await checkWith(recorder, world, ['catalogue'], 'A3 per dossier type', 'a werk-mbo dossier goes to consent without klas or verwachtDiploma in A3', async () => {
    const herkomst = { ...builder.answers('werk-mbo', 'herkomst'), klas: null, verwachtDiploma: null };
    const dossier = await builder.fillDeelA(await builder.create('werk-mbo'), (id) => (id === 'herkomst' ? herkomst : undefined));
    const a3 = dossier.answers['herkomst'] ?? {};
    expect(!('klas' in a3) && !('verwachtDiploma' in a3), `A3 still holds ${'klas' in a3 ? 'klas' : 'verwachtDiploma'} after clearing it`);
    const response = await world.http.request(world.token('owner'), 'POST', actionPath(dossier, 'submitForConsent'), { json: {}, headers: ifMatch(dossier.version) });
    const complaint = compareOutcome(response, { status: 200 });
    complain(complaint ? [`submitForConsent: ${complaint}`] : [], 'spec v2: A3 asks someone out of school (werk-mbo) whether they got a diploma, not for a klas or a diploma this year: ');
  });
}
