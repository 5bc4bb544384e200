/**
 * Test helpers: the SDK's memory backend with the example data, and a wrapper around any
 * DossierApi that records calls and can make the next call fail or wait (offline, conflicts).
 */
import { createMemoryBackend, DossierApiError, exampleData, type DossierApi, type MemoryBackend } from '@doorstroom/sdk';
import { completeAnswersFor } from '../../../../sdk/src/testing/fixtures.js';

export type ApiMethod = keyof DossierApi;

export interface InstrumentedApi extends DossierApi {
  readonly calls: { method: ApiMethod; args: unknown[] }[];
  callsOf(method: ApiMethod): { method: ApiMethod; args: unknown[] }[];
  /** The next call of `method` fails with `error` (queue several by calling again). */
  failNext(method: ApiMethod, error?: Error): void;
  /** Calls of `method` wait until the returned function is called. */
  hold(method: ApiMethod): () => void;
}

export function networkError(): DossierApiError {
  return new DossierApiError({ kind: 'network', message: 'offline (test)', write: true });
}

export function instrument(api: DossierApi): InstrumentedApi {
  const calls: { method: ApiMethod; args: unknown[] }[] = [];
  const failures = new Map<ApiMethod, Error[]>();
  const gates = new Map<ApiMethod, Promise<void>>();
  const extras = {
    calls,
    callsOf: (method: ApiMethod) => calls.filter((c) => c.method === method),
    failNext(method: ApiMethod, error: Error = networkError()) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    hold(method: ApiMethod) {
      let release!: () => void;
      gates.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        gates.delete(method);
        release();
      };
    },
  };
  const wrapped = {} as Record<string, unknown>;
  for (const method of Object.keys(api) as ApiMethod[]) {
    const original = api[method] as (...args: unknown[]) => Promise<unknown>;
    if (typeof original !== 'function') continue;
    wrapped[method] = async (...args: unknown[]) => {
      calls.push({ method, args: structuredClone(args) });
      await gates.get(method);
      const failure = failures.get(method)?.shift();
      if (failure) throw failure;
      return original.apply(api, args);
    };
  }
  return Object.assign(wrapped, extras) as unknown as InstrumentedApi;
}

export interface TestBackend {
  backend: MemoryBackend;
  api: InstrumentedApi;
}

/** A fresh memory backend signed in as `token` (e.g. 'student-noor'). */
export function signIn(token: string, options: { mentorRoster?: boolean } = {}): TestBackend {
  const data = exampleData();
  if (options.mentorRoster !== undefined) data.schools = data.schools.map((school) => ({ ...school, mentorRoster: options.mentorRoster! }));
  const backend = createMemoryBackend(data);
  return { backend, api: instrument(backend.client(backend.tokens[token] ?? token)) };
}

/** Fills every deel A section of the dossier with complete, valid answers (except `leaveOut`). */
export async function completeDeelA(api: DossierApi, dossierId: string, leaveOut: string[] = []): Promise<void> {
  let dossier = await api.getDossier(dossierId);
  const sections = ['persoonlijk', 'thuis', 'herkomst', 'competenties', 'ervaring', 'ondersteuning', 'vervolgkeuze', 'voorbereiding', 'motivatie'];
  for (const sectionId of sections) {
    if (leaveOut.includes(sectionId)) continue;
    dossier = await api.saveSection(dossierId, sectionId, { ...completeAnswersFor(dossier, sectionId) }, dossier.version);
  }
}
