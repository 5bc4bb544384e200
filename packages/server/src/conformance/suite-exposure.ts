/**
 * What a backend must not give away (spec v2, issue 12): whether a dossier exists, how ids follow
 * each other, keys a client made up, dev routes to other sites, and unlimited sign-in attempts.
 */
import type { Dossier } from '../sdk.js';
import type { DossierBuilder } from './builder.js';
import type { Party } from './expectations.js';
import { checkWith, compareOutcome, complain, dossierPath, expect, ifMatch, Mismatch, sectionPath, type Http, type Recorder, type World } from './harness.js';

const base32 = 'abcdefghijklmnopqrstuvwxyz234567';
const randomTail = (length: number) => Array.from(globalThis.crypto.getRandomValues(new Uint8Array(length)), (b) => base32[b & 31]).join('');

/** An id shaped like `id` (same length and prefix) that names no dossier. */
function missingLike(id: string): string {
  const keep = Math.max(2, Math.min(id.length - 8, Math.floor(id.length / 3)));
  return `${id.slice(0, keep)}${randomTail(Math.max(8, id.length - keep))}`;
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** Why these ids could be guessed from each other, if they could. */
export function guessableIds(ids: ReadonlyArray<string>): string[] {
  const problems: string[] = [];
  if (new Set(ids).size !== ids.length) problems.push(`the ids repeat: ${ids.join(', ')}`);
  const short = ids.filter((id) => id.length < 16);
  if (short.length) problems.push(`${short.join(', ')} ${short.length > 1 ? 'are' : 'is'} shorter than 16 characters`);
  const numbered = ids.map((id) => /^(.*?)(\d+)$/.exec(id));
  if (numbered.every((m) => m !== null) && new Set(numbered.map((m) => m![1])).size === 1) {
    const numbers = numbered.map((m) => Number(m![2])).sort((a, b) => a - b);
    if (numbers[numbers.length - 1]! - numbers[0]! < 10_000) problems.push(`${ids.join(', ')} count up (${numbers.join(', ')})`);
  }
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const [a, b] = [ids[i]!, ids[j]!];
      if (a !== b && commonPrefix(a, b) >= Math.min(a.length, b.length) - 4) problems.push(`${a} and ${b} differ only in their last few characters`);
    }
  return problems;
}

/** Issue 12 (10): no existence oracle, unguessable ids, no echo of invented keys, unknown methods refused. */
export async function exposureChecks(recorder: Recorder, world: World, builder: DossierBuilder): Promise<void> {
  const group = 'no existence oracle';
  if (recorder.wants(group)) {
    await checkWith(recorder, world, ['people'], group, 'a dossier someone may not see answers exactly as one that does not exist (404, same problem type)', async () => {
      const dossier = await builder.create('vo-mbo');
      const missing = { id: missingLike(dossier.id) };
      const problems: string[] = [];
      const others: Party[] = ['otherMentor', 'otherStudent', 'otherGuardian', 'otherMbo'];
      for (const party of others) {
        for (const [what, path] of [
          ['GET', (d: { id: string }) => dossierPath(d)],
          ['history', (d: { id: string }) => `${dossierPath(d)}/history`],
        ] as const) {
          const exists = await world.http.request(world.token(party), 'GET', path(dossier));
          const absent = await world.http.request(world.token(party), 'GET', path(missing));
          if (exists.status !== 404) problems.push(`${what} by ${party} of a dossier that exists: ${exists.status}${exists.problem?.reason ? ` ${exists.problem.reason}` : ''}, expected 404`);
          else if (exists.status !== absent.status || exists.problem?.type !== absent.problem?.type)
            problems.push(`${what} by ${party}: ${exists.status} ${exists.problem?.type} for a dossier that exists, ${absent.status} ${absent.problem?.type} for one that does not`);
        }
      }
      complain(problems, 'spec v2: whoever may not see a dossier gets 404, exactly as for one that does not exist (no one learns which dossiers exist): ');
    });
    await recorder.check(group, 'dossier ids cannot be guessed (three new ones)', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await world.api.owner.createDossier({ type: 'werk-mbo' })).id);
      complain(guessableIds(ids), 'spec v2: dossier ids are not guessable (one id must say nothing of another): ');
      return ids.join(', ');
    });
    await recorder.check(group, 'errors[].path never echoes a key the client made up', async () => {
      const dossier = await world.api.owner.createDossier({ type: 'werk-mbo' });
      const invented = ['<img src=x onerror=alert(1)>', 'verzonnenVraag', '<b>'];
      const response = await world.http.request(world.token('owner'), 'PATCH', sectionPath(dossier, 'motivatie'), {
        json: { answers: { [invented[0]!]: 'x', [invented[1]!]: 1, waarom: { [invented[2]!]: 1 } } },
        headers: ifMatch(dossier.version),
      });
      const problems: string[] = [];
      const complaint = compareOutcome(response, { status: 400 });
      if (complaint) problems.push(`PATCH with made-up keys: ${complaint}`);
      const said = `${response.text}\n${JSON.stringify(response.body ?? '')}`;
      const echoed = ['<img', 'onerror', 'verzonnenVraag', '<b>'].filter((key) => said.includes(key));
      if (echoed.length) problems.push(`the answer repeats ${echoed.map((k) => JSON.stringify(k)).join(', ')} (paths: ${JSON.stringify((response.problem?.errors ?? []).map((e) => e.path))})`);
      const after = await world.api.owner.getDossier(dossier.id);
      if (after.version !== dossier.version) problems.push('the refused save was stored');
      complain(problems, 'spec v2: errors[].path names only questions the section has; a key the client made up is never sent back: ');
    });
    await recorder.check(group, 'an unknown HTTP method (PROPFIND) gets 405 or 501 problem+json', async () => {
      const problems: string[] = [];
      const dossier = await world.api.owner.createDossier({ type: 'werk-mbo' });
      for (const path of ['me', 'dossiers', dossierPath(dossier)]) {
        const response = await world.http.request(world.token('owner'), 'PROPFIND', path);
        if (response.status !== 405 && response.status !== 501) problems.push(`PROPFIND /${path.startsWith('dossiers/') ? 'dossiers/{id}' : path}: ${response.status}`);
        else if (!response.problem) problems.push(`PROPFIND /${path}: ${response.status} without application/problem+json`);
      }
      complain(problems, 'an unknown HTTP method is refused plainly (405 Method Not Allowed or 501), never answered or crashed on: ');
    });
  }
}

/**
 * Issue 12 (9): the dev routes (demo accounts, the outbox, reset) never answer a request from
 * another site without a token, and such a request changes nothing. Runs late: a backend that
 * does reset would spoil the checks after it.
 */
export async function devRouteChecks(recorder: Recorder, http: Http, world: World | undefined): Promise<void> {
  const group = 'dev routes';
  if (!recorder.wants(group)) return;
  await recorder.check(group, 'cross-site POST dev/reset, GET dev/accounts and dev/outbox without a token never answer 2xx, and change nothing', async () => {
    let probe: Dossier | undefined;
    if (world) {
      const created = await world.api.owner.createDossier({ type: 'werk-mbo' });
      probe = await world.api.owner.saveSection(created.id, 'motivatie', { later: 'Voor de dev-routes bewaard' }, created.version);
    }
    const problems: string[] = [];
    const crossSite = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' };
    for (const [method, path] of [
      ['POST', 'dev/reset'],
      ['GET', 'dev/accounts'],
      ['GET', 'dev/outbox'],
    ] as const) {
      const response = await http.request(null, method, path, { headers: crossSite, ...(method === 'POST' ? { json: {} } : {}) });
      if (response.status >= 200 && response.status < 300) problems.push(`${method} ${path} from https://evil.example without a token: ${response.status}`);
    }
    if (world && probe) {
      const after = await world.http.request(world.token('owner'), 'GET', dossierPath(probe));
      if (after.status !== 200) problems.push(`after those requests the student's dossier answers ${after.status}: the data was reset`);
      else if ((after.body as Dossier).version !== probe.version) problems.push(`after those requests the student's dossier is at version ${(after.body as Dossier).version}, was ${probe.version}`);
    }
    complain(problems, 'dev routes exist only in dev mode and refuse other sites (spec v2): ');
    return world ? 'refused, nothing changed' : 'refused (no student signed in to see whether anything changed)';
  });
}

/** Issue 12 (10): rotating junk bearer tokens (and X-Forwarded-For) meet a 429. Opt-in: it may lock this address out for a while. */
export async function rateLimitCheck(recorder: Recorder, http: Http, enabled: boolean): Promise<void> {
  const group = 'rate limit';
  const name = 'rotating junk bearer tokens (and X-Forwarded-For) meet a 429 within 300 requests';
  if (!enabled) {
    recorder.skip(group, name, 'opt-in (checkRateLimit: true, or --rate-limit): it sends 300 requests with junk tokens, after which the backend may refuse this address for a while');
    return;
  }
  await recorder.check(group, name, async () => {
    for (let i = 0; i < 300; i++) {
      const response = await http.request(`conformance-junk-${randomTail(20)}`, 'GET', 'me', { headers: { 'X-Forwarded-For': `198.51.100.${i % 250}` } });
      if (response.status === 429) {
        expect(response.problem, 'the 429 is not application/problem+json');
        return `429 after ${i + 1} requests${response.headers.get('Retry-After') ? `, Retry-After ${response.headers.get('Retry-After')}` : ''}`;
      }
    }
    throw new Mismatch('no 429 after 300 requests with rotating junk bearer tokens: failed sign-ins must be limited per client address, whatever token or X-Forwarded-For it sends');
  });
}
