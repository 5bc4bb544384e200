// The whole doorstroom flow against the embedded backend, over HTTP, one client per person:
// a student creates and fills a vo-mbo dossier, the mentor writes deel B, student and parent
// consent, the student finalizes, and the chosen MBO reads what was shared.
// Run: npm run walkthrough
import { completion } from '../packages/sdk/src/completion.js';
import type { Dossier, DossierApi } from '../packages/sdk/src/contract.js';
import { isDossierApiError } from '../packages/sdk/src/errors.js';
import { createMemoryBackend } from '../packages/sdk/src/memory.js';

const backend = createMemoryBackend();
const today = new Date();
const config = await backend.client('student-noor').config();

const people = {
  noor: { api: backend.client('student-noor'), role: 'leerling', naam: 'Noor El Idrissi' },
  mentor: { api: backend.client('mentor-de-vries'), role: 'mentor', naam: 'Mevrouw E. de Vries' },
  ouder: { api: backend.client('guardian-el-idrissi'), role: 'ouder', naam: 'Karim El Idrissi' },
  mbo: { api: backend.client('mbo-roc-midden-nederland'), role: 'mbo', naam: 'Ingrid Smit (ROC Midden Nederland)' },
};
type Person = (typeof people)[keyof typeof people];

const percent = (dossier: Dossier) => {
  const parts = completion(dossier, config, { today });
  return `A ${String(parts.partA.percent).padStart(3)}%${parts.partB ? `  B ${String(parts.partB.percent).padStart(3)}%` : ''}`;
};
let lastStatus = '';
function line(person: Person, action: string, dossier?: Dossier, note = '') {
  const status = dossier ? (dossier.status === lastStatus ? dossier.status : `${lastStatus || '—'} → ${dossier.status}`) : '';
  if (dossier) lastStatus = dossier.status;
  console.log(`${person.role.padEnd(8)} ${person.naam.padEnd(36)} ${action.padEnd(34)} ${status.padEnd(22)} ${dossier ? percent(dossier) : ''}${note ? `  ${note}` : ''}`);
}

async function save(person: Person, dossier: Dossier, sectionId: string, answers: Record<string, unknown>): Promise<Dossier> {
  const saved = await person.api.saveSection(dossier.id, sectionId, answers, dossier.version);
  line(person, `opslaan ${sectionId}`, saved);
  return saved;
}
async function act(person: Person, dossier: Dossier, action: Parameters<DossierApi['act']>[1], request = {}): Promise<Dossier> {
  const next = await person.api.act(dossier.id, action, request, dossier.version);
  line(person, action, next);
  return next;
}

console.log(`Doorstroomdossier walkthrough (${config.naam}, ${today.toISOString().slice(0, 10)})\n`);

// 1. Noor starts a new vo-mbo dossier: A1–A6 come along from her earlier one.
const { noor, mentor, ouder, mbo } = people;
let dossier = await noor.api.createDossier({ type: 'vo-mbo' });
line(noor, 'nieuw dossier (vo-mbo)', dossier, `A1–A6 overgenomen: ${Object.keys(dossier.answers).join(', ')}`);

// 2. She completes deel A, choosing her programme through the catalogue typeahead.
const [institution] = await noor.api.institutions('midden nederland');
const [programme] = await noor.api.programmes(institution!.brin, 'pedagogisch');
const location = (await noor.api.locations(institution!.brin)).find((l) => programme!.locatieCodes.includes(l.code))!;
line(
  noor,
  'zoeken in catalogus',
  undefined,
  `${institution!.naam} › ${programme!.naam} (crebo ${programme!.crebo}, niveau ${programme!.niveau}, ${programme!.leerweg}) › ${location.naam}, ${location.plaats}`,
);

dossier = await save(noor, dossier, 'herkomst', { sector: 'zorg-en-welzijn', examenvakken: ['Nederlands', 'Engels', 'wiskunde', 'biologie'], verwachtDiploma: 'ja' });
dossier = await save(noor, dossier, 'competenties', { zelfstandig: 3, doorzetten: 4, feedback: 3, creativiteit: 4, verantwoordelijkheid: 4 });
dossier = await save(noor, dossier, 'ervaring', {
  ervaring: [{ soort: 'stage', organisatie: 'Kinderdagverblijf Het Speelhuis', plaats: 'Utrecht', werkzaamheden: 'Voorlezen, buitenspelen en helpen bij het eten.', periode: 'mrt 2026' }],
});
dossier = await save(noor, dossier, 'ondersteuning', {
  hulpTaal: false,
  hulpRekenen: true,
  dyslexie: false,
  dyscalculie: false,
  faalangst: false,
  concentratie: false,
  fysiekeBeperking: false,
  onderzoek: false,
});
dossier = await save(noor, dossier, 'vervolgkeuze', {
  instelling: { id: institution!.brin, label: institution!.naam, detail: { brin: institution!.brin } },
  locatie: { id: location.code, label: location.naam, detail: { plaats: location.plaats } },
  opleiding: { id: programme!.id, label: programme!.naam, detail: { crebo: programme!.crebo, niveau: programme!.niveau, leerweg: programme!.leerweg, cohort: programme!.cohort } },
  bevestigd: true,
});
dossier = await save(noor, dossier, 'voorbereiding', { openDag: true, meeloopdag: true, gesprekDecaan: true, beroepentest: false });

// 3. Submitting too early is refused, with a Dutch reason the student can act on.
try {
  await noor.api.act(dossier.id, 'submitToMentor', { mentorId: 'mentor-de-vries' }, dossier.version);
} catch (error) {
  if (!isDossierApiError(error)) throw error;
  line(noor, 'submitToMentor (te vroeg)', undefined, `GEWEIGERD ${error.status} ${error.reason}: "${error.problem?.title}"`);
}
dossier = await save(noor, dossier, 'motivatie', { waarom: 'Ik pas vaak op mijn nichtjes en wil leren hoe je kinderen goed begeleidt.', later: 'Pedagogisch medewerker' });

const roster = await noor.api.mentors('school-de-brug');
line(noor, 'mentoren van de school', undefined, roster.map((m) => m.naam).join(', '));
dossier = await act(noor, dossier, 'submitToMentor', { mentorId: roster[0]!.id });

// 4. The mentor picks it up from "te behandelen" and writes deel B.
const todo = await mentor.api.listDossiers({ view: 'teBehandelen' });
line(mentor, 'te behandelen', undefined, todo.items.map((d) => `${d.student.naam} (${d.status})`).join(', '));
dossier = await act(mentor, dossier, 'startDeelB');
dossier = await save(mentor, dossier, 'begeleiding', {
  extraNederlands: false,
  extraRekenen: true,
  extraRekenenToelichting: 'Rekenles op 2F-niveau in klas 3.',
  nodigNederlands: false,
  nodigRekenen: false,
  extraAndereVakken: false,
  verzuim: false,
  lwoo: false,
  passendOnderwijs: false,
  leerplichtRmc: false,
  warmeOverdracht: false,
});
dossier = await save(mentor, dossier, 'advies', {
  pastKeuze: 'ja',
  advies: 'Noor is zorgzaam en betrouwbaar. Deze opleiding past bij haar.',
  naderContact: false,
  eensMetDeelA: true,
  mentorAkkoord: true,
});
dossier = await act(mentor, dossier, 'sendToStudent');

// 5. Inzage and consent: Noor is 15, so a parent gives consent too.
dossier = await act(noor, dossier, 'recordInzage');
dossier = await save(noor, dossier, 'akkoordverklaring', { akkoord: 'ja', delen: ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'motivatie', 'advies'], toestemming: true });
dossier = await act(ouder, dossier, 'recordInzage');
dossier = await save(ouder, dossier, 'ouderToestemming', { naam: 'Karim El Idrissi', relatie: 'vader', toestemming: true });
dossier = await act(noor, dossier, 'finalize');

// 6. The chosen MBO now reads the dossier, filtered by Noor's sharing choices.
const inbox = await mbo.api.listDossiers();
const received = await mbo.api.getDossier(dossier.id);
line(mbo, 'ontvangen dossiers', undefined, inbox.items.map((d) => `${d.student.naam}: ${d.keuze}`).join('; '));
const hidden = Object.keys(dossier.answers).filter((id) => !(id in received.answers));
line(mbo, 'dossier lezen', undefined, `status ${received.status}; ziet: ${Object.keys(received.answers).join(', ')}; niet gedeeld: ${hidden.join(', ') || '—'}`);

const history = await noor.api.history(dossier.id);
console.log(`\nGeschiedenis: ${history.length} regels, versie ${dossier.version}.`);
