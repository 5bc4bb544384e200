// The editing engine on its own, against a small optimistic-locking server in memory. Time is a
// fake clock handed to the engine (`timers`), so the debounce and the retries are stepped
// through exactly, never waited for. (@sinonjs/fake-timers is CommonJS only and the test runner
// serves test files to the browser as ES modules; a clock of our own needs no bundling step.)
import { expect } from '@open-wc/testing';
import { DossierApiError, type SectionAnswers } from '@doorstroom/sdk';
import { SectionSaver, type SaverOptions, type Timers } from './section-saver.js';

/** Timers that only run when the test moves the clock on. */
class FakeClock implements Timers {
  now = 0;
  private nextId = 1;
  private readonly due = new Map<number, { at: number; run: () => void }>();

  setTimeout(run: () => void, ms: number): number {
    const id = this.nextId++;
    this.due.set(id, { at: this.now + ms, run });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.due.delete(id as number);
  }

  /** Moves time on by `ms`, running each timer that falls due in order, and what its promises do. */
  async tick(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await settle();
      const [id, next] = [...this.due].sort(([, a], [, b]) => a.at - b.at)[0] ?? [];
      if (id === undefined || !next || next.at > end) break;
      this.due.delete(id);
      this.now = next.at;
      next.run();
    }
    this.now = end;
    await settle();
  }
}

/** Lets every promise chain that can go on go on (no timers involved). */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

const conflict = () => new DossierApiError({ kind: 'conflict', status: 409, message: 'stale version (test)', write: true });
const network = () => new DossierApiError({ kind: 'network', message: 'offline (test)', write: true });

/**
 * A server that refuses a save based on an older version (409), and an element with drafts in
 * front of it. `before` runs before the server looks at the next save: someone else saving, a
 * lost connection, or a gate the test opens later.
 */
function setup(options: Partial<SaverOptions> = {}) {
  const clock = new FakeClock();
  const server = { version: 1, answers: { motivatie: { waarom: 'oud', later: 'Kok' } } as Record<string, SectionAnswers> };
  let loaded = structuredClone(server);
  const drafts: Record<string, SectionAnswers> = structuredClone(server.answers);
  const saves: Array<{ sectionId: string; patch: Record<string, unknown>; version: number; at: number }> = [];
  const before: Array<() => void | Promise<void>> = [];
  const seen: string[] = [];
  const saver = new SectionSaver<number>(
    undefined,
    {
      owner: () => 'dossier-1',
      version: () => loaded.version,
      saved: (id) => loaded.answers[id],
      draft: (id) => drafts[id] ?? {},
      save: async (sectionId, patch, version) => {
        saves.push({ sectionId, patch, version, at: clock.now });
        await before.shift()?.();
        if (version !== server.version) throw conflict();
        server.answers[sectionId] = { ...server.answers[sectionId], ...patch } as SectionAnswers;
        server.version++;
        loaded = structuredClone(server);
        return server.version;
      },
      reload: async () => {
        loaded = structuredClone(server);
      },
    },
    {
      saving: (id) => seen.push(`saving ${id}`),
      saved: (id, version) => seen.push(`saved ${id} v${version}`),
      rebased: (id, held) => seen.push(`rebased ${id}${held ? ' held' : ''}`),
      failed: (id, error, offline) => seen.push(`failed ${id} ${(error as DossierApiError).kind}${offline ? ' offline' : ''}`),
      settled: () => undefined,
    },
    { debounce: 'together', failures: 'retry', timers: clock, ...options },
  );
  saver.delay = 800;
  saver.retryDelay = 5000;
  /** The person types `value` as the answer to `key`. */
  const type = (sectionId: string, key: string, value: unknown) => {
    drafts[sectionId] = { ...drafts[sectionId], [key]: value } as SectionAnswers;
    saver.change(sectionId, key);
  };
  /** Someone else saves `answers` first. */
  const elsewhere = (sectionId: string, answers: Record<string, unknown>) => () => {
    server.answers[sectionId] = { ...server.answers[sectionId], ...answers } as SectionAnswers;
    server.version++;
  };
  return { clock, server, saver, saves, before, seen, type, elsewhere, drafts };
}

describe('SectionSaver (the editing engine)', () => {
  it('saves once, a delay after the last change: typing on restarts the wait', async () => {
    const { clock, saver, saves, type } = setup();
    type('motivatie', 'waarom', 'K');
    await clock.tick(799);
    expect(saves, 'nothing before the delay').to.have.length(0);
    type('motivatie', 'waarom', 'Ko');
    await clock.tick(500);
    type('motivatie', 'waarom', 'Kok');
    await clock.tick(799);
    expect(saves, 'every change restarts the wait').to.have.length(0);
    await clock.tick(1);
    expect(saves).to.deep.equal([{ sectionId: 'motivatie', patch: { waarom: 'Kok' }, version: 1, at: 2099 }]);
    expect(saver.hasPending).to.equal(false);
  });

  it('per section, each section waits for its own last change and saves alone', async () => {
    const { clock, saves, type } = setup({ debounce: 'per-section' });
    type('motivatie', 'waarom', 'Kok');
    await clock.tick(500);
    type('advies', 'tekst', 'Ja');
    await clock.tick(300);
    expect(saves.map((s) => [s.sectionId, s.at])).to.deep.equal([['motivatie', 800]]);
    await clock.tick(500);
    expect(saves.map((s) => [s.sectionId, s.at])).to.deep.equal([
      ['motivatie', 800],
      ['advies', 1300],
    ]);
  });

  it('never saves by itself with debounce none; submit sends the section as it is', async () => {
    const { clock, saver, saves, type, drafts } = setup({ debounce: 'none' });
    type('motivatie', 'waarom', 'Kok');
    await clock.tick(60_000);
    expect(saves).to.have.length(0);
    expect(await saver.submit('motivatie', { ...drafts['motivatie'] })).to.equal(2);
    expect(saves[0]?.patch).to.deep.equal({ waarom: 'Kok', later: 'Kok' });
    expect(saver.hasPending).to.equal(false);
  });

  it('sends one request at a time: a change made meanwhile waits for the answer and uses its version', async () => {
    const { clock, saver, saves, before, type } = setup();
    let open!: () => void;
    before.push(() => new Promise<void>((resolve) => (open = resolve)));
    type('motivatie', 'waarom', 'eerste');
    await clock.tick(800);
    expect(saves).to.have.length(1);
    type('motivatie', 'later', 'Bakker');
    await clock.tick(10_000);
    expect(saves, 'the second change waits while the first is under way').to.have.length(1);
    expect(saver.busy).to.equal(true);
    open();
    await clock.tick(0);
    expect(saver.busy).to.equal(false);
    expect(saves, 'then it goes, on the version the first returned').to.have.length(2);
    expect(saves[1]).to.include({ version: 2 });
    expect(saves[1]?.patch).to.deep.equal({ later: 'Bakker' });
  });

  it('after a 409 takes the newest version in and sends again what nobody else changed', async () => {
    const { clock, saver, saves, before, seen, type, elsewhere, server } = setup();
    before.push(elsewhere('motivatie', { later: 'Timmerman' }));
    type('motivatie', 'waarom', 'mijn tekst');
    await clock.tick(800);
    expect(saves.map((s) => s.version)).to.deep.equal([1, 2]);
    expect(seen).to.deep.equal(['saving motivatie', 'rebased motivatie', 'saving motivatie', 'saved motivatie v3']);
    expect(server.answers['motivatie']).to.deep.equal({ waarom: 'mijn tekst', later: 'Timmerman' });
    expect(saver.hasPending).to.equal(false);
  });

  it('holds a question someone else changed too, until the person chooses', async () => {
    const { clock, saver, saves, before, seen, type, elsewhere } = setup();
    before.push(elsewhere('motivatie', { waarom: 'hun tekst' }));
    type('motivatie', 'waarom', 'mijn tekst');
    await clock.tick(800);
    expect(saves, 'not sent again over their answer').to.have.length(1);
    expect(seen).to.include('rebased motivatie held');
    expect(saver.conflicts()).to.deep.equal([{ sectionId: 'motivatie', key: 'waarom', server: 'hun tekst' }]);
    type('motivatie', 'waarom', 'mijn tekst, langer');
    await clock.tick(10_000);
    expect(saves, 'typing on does not decide the conflict').to.have.length(1);
    saver.resolve('motivatie', 'waarom', 'mine');
    expect(await saver.flush()).to.equal(true);
    expect(saves[1]?.patch).to.deep.equal({ waarom: 'mijn tekst, langer' });
  });

  it('gives up after three rounds of 409, keeping the answers', async () => {
    const { clock, saver, saves, before, seen, type, elsewhere } = setup();
    for (let i = 0; i < 4; i++) before.push(elsewhere('motivatie', { later: `anders ${i}` }));
    type('motivatie', 'waarom', 'mijn tekst');
    await clock.tick(800);
    expect(saves, 'the first try and three rounds').to.have.length(4);
    expect(seen.filter((s) => s.startsWith('rebased'))).to.have.length(3);
    expect(seen.at(-1)).to.equal('failed motivatie conflict');
    expect([...saver.pendingKeys('motivatie')]).to.deep.equal(['waarom']);
  });

  it('offline after a failure to reach the server: keeps the answers and tries again by itself, 5 s, then 10 s', async () => {
    const { clock, saver, saves, before, seen, type, server } = setup();
    const unreachable = () => Promise.reject(network());
    before.push(unreachable, unreachable);
    type('motivatie', 'waarom', 'onderweg getypt');
    await clock.tick(800);
    expect(seen.at(-1)).to.equal('failed motivatie network offline');
    expect(saver.online).to.equal(false);
    type('motivatie', 'later', 'Bakker');
    await clock.tick(4999);
    expect(saves, 'offline, typing does not send').to.have.length(1);
    await clock.tick(1);
    expect(saves, 'the first retry, 5 s after the failure').to.have.length(2);
    await clock.tick(9999);
    expect(saves).to.have.length(2);
    await clock.tick(1);
    expect(saves, 'the second retry, 10 s after the second failure').to.have.length(3);
    expect(saves[2]?.patch, 'everything typed, in the order it was typed').to.deep.equal({ waarom: 'onderweg getypt', later: 'Bakker' });
    expect(server.answers['motivatie']).to.deep.equal({ waarom: 'onderweg getypt', later: 'Bakker' });
    expect(saver.online).to.equal(true);
    expect(saver.hasPending).to.equal(false);
  });

  it('with the report policy a failure is told and not retried by itself', async () => {
    const { clock, saver, saves, before, seen, type } = setup({ debounce: 'per-section', failures: 'report' });
    before.push(() => Promise.reject(network()));
    type('motivatie', 'waarom', 'mijn tekst');
    await clock.tick(800);
    expect(seen.at(-1)).to.equal('failed motivatie network');
    await clock.tick(120_000);
    expect(saves).to.have.length(1);
    expect(saver.hasPending).to.equal(true);
    expect(await saver.save('motivatie')).to.equal(true);
    expect(saver.hasPending).to.equal(false);
  });
});
