import { expect } from '@open-wc/testing';
import { institutionAnswer, locationAnswer, offeredAt, programmeAnswer } from '../choice.js';
import { isStorableText, limits, toStorableText, unstorableTextMessage, type Dossier, type Problem } from '../contract.js';
import { exampleData } from '../example/data.js';
import { createMemoryBackend, type MemoryBackend } from '../memory.js';
import { completeAnswers, today } from '../testing/fixtures.js';
import { describePayload, hostilePayloads, hostileTrap, longLengths, payloadsWithin, prototypeKeys, type HostileCategory } from '../testing/hostile-payloads.js';

const base = 'http://doorstroom.local/api/';
const dossierId = 'dossier-noor';

// Text no backend can store: a NUL (PostgreSQL refuses it in text and jsonb) or half of a surrogate pair.
const unstorableIds = ['emoji-8', 'emoji-9', 'control-1', 'control-2', 'control-3'];
const storableWithin = (maxLength: number) => payloadsWithin(maxLength).filter((p) => !unstorableIds.includes(p.id));
const unstorablePayloads = hostilePayloads.filter((p) => unstorableIds.includes(p.id));

/** A7 answers for the first programme of the memory backend's catalogue, where it is given. */
function catalogChoice(backend: MemoryBackend) {
  const institution = backend.data.catalog.institutions[0]!;
  const programme = backend.data.catalog.programmes[institution.brin]![0]!;
  const location = backend.data.catalog.locations[institution.brin]!.find((l) => offeredAt(programme, l.code))!;
  return { instelling: institutionAnswer(institution), locatie: locationAnswer(location), opleiding: programmeAnswer(programme) };
}

describe('hostile input at the backend', function () {
  this.timeout(30000);
  let backend: MemoryBackend;

  const call = (path: string, init: { method?: string; body?: string; version?: number; token?: string } = {}) => {
    const headers = new Headers({ Authorization: `Bearer ${init.token ?? 'student-noor'}`, 'Content-Type': 'application/json' });
    if (init.version !== undefined) headers.set('If-Match', `"${init.version}"`);
    return backend.handler(new Request(base + path, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: init.body }) }));
  };
  const read = async (token = 'student-noor'): Promise<Dossier> => (await call(`dossiers/${dossierId}`, { token })).json();
  const historyLength = async () => ((await (await call(`dossiers/${dossierId}/history`)).json()) as unknown[]).length;
  const save = (sectionId: string, body: string, version: number) => call(`dossiers/${dossierId}/sections/${sectionId}`, { method: 'PATCH', body, version });

  /** 400 problem+json, and the dossier, its version and its history exactly as before. */
  async function expectRefusedUnchanged(response: Response, before: Dossier, historyBefore: number): Promise<Problem> {
    expect(response.status).to.equal(400);
    expect(response.headers.get('Content-Type')).to.match(/^application\/problem\+json/);
    const problem = (await response.json()) as Problem;
    expect(problem.status).to.equal(400);
    expect(problem.title).to.be.a('string').and.not.equal('');
    const after = await read();
    expect(after.version).to.equal(before.version);
    expect(after.answers).to.deep.equal(before.answers);
    expect(await historyLength()).to.equal(historyBefore);
    return problem;
  }

  beforeEach(() => {
    const data = exampleData({ today });
    data.schools = data.schools.map((school) => ({ ...school, mentorRoster: false }));
    backend = createMemoryBackend(data, { now: () => today });
    (globalThis as Record<string, unknown>)[hostileTrap] = undefined;
  });

  afterEach(() => {
    expect(({} as Record<string, unknown>)['polluted'], 'Object.prototype polluted').to.equal(undefined);
    expect((globalThis as Record<string, unknown>)[hostileTrap]).to.equal(undefined);
  });

  it('has over 200 payloads in every category, with long strings of exactly 10 000 and 100 000 characters', () => {
    expect(hostilePayloads.length).to.be.greaterThan(200);
    const categories = new Set(hostilePayloads.map((p) => p.category));
    const expected: HostileCategory[] = ['script', 'eventHandler', 'url', 'svgMathml', 'template', 'entity', 'bidi', 'zeroWidth', 'emoji', 'combining', 'control', 'sql', 'json', 'long', 'prototype'];
    expect([...categories].sort()).to.deep.equal([...expected].sort());
    const lengths = hostilePayloads.map((p) => p.value.length);
    expect(lengths).to.include(longLengths.atLimit).and.to.include(longLengths.overLimit);
    expect(new Set(hostilePayloads.map((p) => p.id)).size, 'ids are unique').to.equal(hostilePayloads.length);
    expect(longLengths.atLimit).to.equal(limits.text);
  });

  it('stores every storable payload within the limit exactly as sent, and returns it exactly', async () => {
    // onderwijsnummer, telefoon, mobiel and postcode have no maxLength of their own: the contract's 10 000 applies.
    // (Noor's BSN is registered by her school, so A1 keeps it: a save may not change it.)
    const fields = ['onderwijsnummer', 'telefoon', 'mobiel', 'postcode'];
    const payloads = storableWithin(limits.text);
    expect(payloads.length).to.be.greaterThan(200);
    expect(payloads.length + unstorableIds.length).to.equal(payloadsWithin(limits.text).length);
    let version = (await read()).version;
    for (let start = 0; start < payloads.length; start += fields.length) {
      const batch = payloads.slice(start, start + fields.length);
      const answers = Object.fromEntries(batch.map((payload, index) => [fields[index]!, payload.value]));
      const response = await save('persoonlijk', JSON.stringify({ answers }), version);
      expect(response.status, batch.map(describePayload).join(', ')).to.equal(200);
      const returned = (await response.json()) as Dossier;
      const stored = await read();
      for (const [index, payload] of batch.entries()) {
        expect(returned.answers['persoonlijk']![fields[index]!], describePayload(payload)).to.equal(payload.value);
        expect(stored.answers['persoonlijk']![fields[index]!], describePayload(payload)).to.equal(payload.value);
      }
      expect(stored.version).to.equal(version + 1);
      version = stored.version;
    }
  });

  it('stores storable payloads exactly inside repeat entries and deel B (B1 through the mentor)', async () => {
    const payloads = storableWithin(200);
    let version = (await read()).version;
    for (const payload of payloads) {
      const ouders = [{ naam: payload.value, relatie: 'moeder', telefoon: payload.value, email: payload.value }];
      const response = await save('thuis', JSON.stringify({ answers: { ouders } }), version);
      expect(response.status, describePayload(payload)).to.equal(200);
      const stored = await read();
      expect(stored.answers['thuis']!['ouders'], describePayload(payload)).to.deep.equal(ouders);
      version = stored.version;
    }
    let b1Version = 0;
    for (const payload of storableWithin(2000)) {
      const body = JSON.stringify({ answers: { verzuim: true, verzuimToelichting: payload.value } });
      const response = await call('students/student-noor/begeleiding', { method: 'PATCH', body, version: b1Version, token: 'mentor-de-vries' });
      expect(response.status, describePayload(payload)).to.equal(200);
      const record = (await response.json()) as { answers: Record<string, unknown>; version: number };
      expect(record.answers['verzuimToelichting'], describePayload(payload)).to.equal(payload.value);
      b1Version = record.version;
    }
  });

  it('refuses 100 000 characters and every other over-limit text with 400, storing nothing', async () => {
    const before = await read();
    const historyBefore = await historyLength();
    const over = hostilePayloads.filter((p) => p.value.length > limits.text);
    expect(over.map((p) => p.value.length))
      .to.include(longLengths.overLimit)
      .and.to.include(limits.text + 1);
    for (const payload of over) {
      for (const [sectionId, answers] of [
        ['persoonlijk', { bsn: payload.value }],
        ['motivatie', { waarom: payload.value }],
        ['thuis', { ouders: [{ naam: payload.value }] }],
      ] as const) {
        const problem = await expectRefusedUnchanged(await save(sectionId, JSON.stringify({ answers }), before.version), before, historyBefore);
        expect(JSON.stringify(problem), 'the problem never echoes the input').not.to.contain(payload.value.slice(0, 50));
      }
    }
    // A question's own maxLength counts too: roepnaam allows 100, voorletters 20.
    for (const [field, max] of [
      ['roepnaam', 100],
      ['voorletters', 20],
      ['huisnummer', 20],
    ] as const) {
      const response = await save('persoonlijk', JSON.stringify({ answers: { [field]: 'x'.repeat(max + 1) } }), before.version);
      const problem = await expectRefusedUnchanged(response, before, historyBefore);
      expect(problem.errors?.map((e) => e.path)).to.deep.equal([`answers.${field}`]);
    }
  });

  it('tells storable text from text with a NUL or half a surrogate pair, and makes the latter storable', () => {
    for (const text of ['', 'Noor', '😀', '👩‍👩‍👧‍👦 \uFFFD', 'a\u0001\u007F\uFFFE\uFFFF', '\\u0000', '&#0;']) {
      expect(isStorableText(text), JSON.stringify(text)).to.equal(true);
      expect(toStorableText(text), JSON.stringify(text)).to.equal(text);
    }
    const unstorable: Array<[string, string]> = [
      ['a\u0000b', 'ab'],
      ['\u0000', ''],
      ['\uD83D', '\uFFFD'],
      ['\uDE00 losse helft', '\uFFFD losse helft'],
      ['😀'.slice(0, 1) + 'x' + '😀'.slice(1), '\uFFFDx\uFFFD'],
      ['\uDE00\uD83D', '\uFFFD\uFFFD'],
      ['😀\uDE00', '😀\uFFFD'],
    ];
    for (const [text, storable] of unstorable) {
      expect(isStorableText(text), JSON.stringify(text)).to.equal(false);
      expect(toStorableText(text), JSON.stringify(text)).to.equal(storable);
      expect(isStorableText(storable)).to.equal(true);
    }
  });

  it('refuses a NUL character or a lone surrogate anywhere in a request with 400, naming the field and storing nothing', async () => {
    expect(unstorablePayloads.map((p) => p.id)).to.deep.equal(unstorableIds);
    const before = await read();
    const historyBefore = await historyLength();
    for (const payload of unstorablePayloads) {
      const label = describePayload(payload);
      const saves = [
        ['persoonlijk', { roepnaam: 'Noor', bsn: payload.value }, 'answers.bsn'],
        ['thuis', { ouders: [{ naam: payload.value, relatie: 'vader' }] }, 'answers.ouders.0.naam'],
        ['vervolgkeuze', { instelling: { id: '00GT', label: 'Albeda', detail: { plaats: payload.value } } }, 'answers.instelling.detail.plaats'],
        ['herkomst', { examenvakken: ['nederlands', payload.value] }, 'answers.examenvakken.1'],
      ] as const;
      for (const [sectionId, answers, path] of saves) {
        const problem = await expectRefusedUnchanged(await save(sectionId, JSON.stringify({ answers }), before.version), before, historyBefore);
        expect(problem.type, label).to.match(/\/validation$/);
        expect(problem.title, label).to.equal('Een tekst bevat een onzichtbaar of kapot teken. Daardoor kan de tekst niet worden opgeslagen.');
        expect(problem.errors, label).to.deep.equal([{ path, message: unstorableTextMessage }]);
      }
      // A key counts too (a reference's detail keys are free text), and so do the free mentor name and e-mail.
      const key = JSON.stringify({ answers: { instelling: { id: '00GT', label: 'Albeda', detail: { [payload.value]: 'x' } } } });
      await expectRefusedUnchanged(await save('vervolgkeuze', key, before.version), before, historyBefore);
      for (const mentor of [
        { naam: payload.value, email: 'mentor@debrug.example' },
        { naam: 'Mentor', email: `a${payload.value}@debrug.example` },
      ]) {
        const response = await call(`dossiers/${dossierId}/actions/submitToMentor`, { method: 'POST', body: JSON.stringify({ mentor }), version: before.version });
        await expectRefusedUnchanged(response, before, historyBefore);
      }
      const b1 = await call('students/student-noor/begeleiding', {
        method: 'PATCH',
        body: JSON.stringify({ answers: { verzuim: true, verzuimToelichting: payload.value } }),
        version: 0,
        token: 'mentor-de-vries',
      });
      expect(b1.status, label).to.equal(400);
      expect((await (await call('students/student-noor/begeleiding', { token: 'mentor-de-vries' })).json()).version, label).to.equal(0);
    }
    // A NUL in a path or a search is no id and no search: 404 and 400 rather than a failing store.
    expect((await call('dossiers/dossier-noor%00')).status).to.equal(404);
    expect((await call('dossiers?q=a%00b', { token: 'mentor-de-vries' })).status).to.equal(400);
  });

  it('refuses an over-limit B1 text and an over-long free mentor name, storing nothing', async () => {
    const tooLong = 'a'.repeat(longLengths.overLimit);
    const b1 = await call('students/student-noor/begeleiding', {
      method: 'PATCH',
      body: JSON.stringify({ answers: { verzuim: true, verzuimToelichting: tooLong } }),
      version: 0,
      token: 'mentor-de-vries',
    });
    expect(b1.status).to.equal(400);
    const record = await (await call('students/student-noor/begeleiding', { token: 'mentor-de-vries' })).json();
    expect(record).to.deep.equal({ studentId: 'student-noor', answers: {}, version: 0 });

    let dossier = await read();
    for (const sectionId of ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'ondersteuning', 'vervolgkeuze', 'voorbereiding', 'motivatie']) {
      const { nummerSoort: _n, bsn: _b, ...complete } = completeAnswers(sectionId, { birthDate: dossier.answers['persoonlijk']?.['geboortedatum'] as string });
      // A7 must be a choice from the backend's own catalogue.
      const answers = sectionId === 'vervolgkeuze' ? { ...catalogChoice(backend), bevestigd: true } : complete;
      const response = await save(sectionId, JSON.stringify({ answers }), dossier.version);
      expect(response.status, sectionId).to.equal(200);
      dossier = await response.json();
    }
    const historyBefore = await historyLength();
    for (const mentor of [
      { naam: 'n'.repeat(201), email: 'mentor@debrug.example' },
      { naam: 'Mentor', email: `${'e'.repeat(250)}@x.nl` },
    ]) {
      const response = await call(`dossiers/${dossierId}/actions/submitToMentor`, { method: 'POST', body: JSON.stringify({ mentor }), version: dossier.version });
      await expectRefusedUnchanged(response, dossier, historyBefore);
      expect((await read()).status).to.equal('concept');
    }
  });

  describe('prototype keys', () => {
    const bodies = (key: string) => [
      `{"${key}":{"polluted":true},"answers":{"roepnaam":"Noor"}}`,
      `{"answers":{"${key}":{"polluted":true}}}`,
      `{"answers":{"roepnaam":"Noor","${key}":"x"}}`,
      `{"answers":{"ouders":[{"naam":"Noor","${key}":{"polluted":true}}]}}`,
    ];

    for (const key of prototypeKeys) {
      it(`refuses "${key}" anywhere in a save with 400 and stores nothing`, async () => {
        const before = await read();
        const historyBefore = await historyLength();
        for (const body of bodies(key)) {
          const sectionId = body.includes('ouders') ? 'thuis' : 'persoonlijk';
          await expectRefusedUnchanged(await save(sectionId, body, before.version), before, historyBefore);
        }
        const choice = `{"answers":{"instelling":{"id":"00GT","label":"Albeda","detail":{"${key}":"x"}}}}`;
        await expectRefusedUnchanged(await save('vervolgkeuze', choice, before.version), before, historyBefore);
        const action = await call(`dossiers/${dossierId}/actions/submitToMentor`, { method: 'POST', body: `{"${key}":{"mentorId":"x"}}`, version: before.version });
        await expectRefusedUnchanged(action, before, historyBefore);
        const b1 = await call('students/student-noor/begeleiding', { method: 'PATCH', body: `{"answers":{"${key}":{"x":1}}}`, version: 0, token: 'mentor-de-vries' });
        expect(b1.status).to.equal(400);
      });

      it(`answers 404 for "${key}" as a dossier, section or student id`, async () => {
        const before = await read();
        expect((await call(`dossiers/${key}`)).status).to.equal(404);
        expect((await save(key, '{"answers":{}}', before.version)).status).to.equal(404);
        expect((await call(`students/${key}/begeleiding`, { token: 'mentor-de-vries' })).status).to.equal(404);
        expect((await read()).version).to.equal(before.version);
      });
    }

    it('stores the prototype words as plain text values', async () => {
      let version = (await read()).version;
      for (const payload of hostilePayloads.filter((p) => p.category === 'prototype')) {
        const response = await save('persoonlijk', JSON.stringify({ answers: { roepnaam: payload.value } }), version);
        expect(response.status, describePayload(payload)).to.equal(200);
        const stored = await read();
        expect(stored.answers['persoonlijk']!['roepnaam']).to.equal(payload.value);
        version = stored.version;
      }
    });
  });

  it('answers a clear 400 for malformed JSON and wrong shapes', async () => {
    const before = await read();
    const historyBefore = await historyLength();
    for (const body of ['{', '{"answers":', 'null', '[]', '"answers"', '{"answers":[]}', '{"answers":"x"}', '{"answers":{"roepnaam":{"a":1}}}', '{"answers":{"roepnaam":1e400}}']) {
      const response = await save('persoonlijk', body, before.version);
      await expectRefusedUnchanged(response, before, historyBefore);
    }
  });
});
