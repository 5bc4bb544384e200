/**
 * Story setup: every story gets its own in-memory backend with the SDK's example data (dossiers in
 * every workflow state), and an HTTP client signed in as the person the story is about. What a
 * story saves stays in that story. No server, no service worker, works offline.
 */
import { chosenInstelling, createMemoryBackend, type Dossier, type DossierApi, type DossierStatus, type MemoryBackend } from '@doorstroom/sdk';

export type Viewer = 'student' | 'guardian' | 'mentor' | 'mbo';

export interface StorySetup {
  api: DossierApi;
  dossierId?: string;
  backend: MemoryBackend;
}

export interface DossierQuery {
  status: DossierStatus;
  type?: Dossier['type'];
  archived?: boolean;
}

/** The first example dossier in this state (vo-mbo unless asked otherwise). */
export function exampleDossier(backend: MemoryBackend, query: DossierQuery): Dossier {
  const found = backend.data.dossiers.find((d) => d.status === query.status && d.type === (query.type ?? 'vo-mbo') && d.archived === (query.archived ?? false));
  if (!found) throw new Error(`The example data has no ${query.type ?? 'vo-mbo'} dossier in ${query.status}`);
  return found;
}

/** The bearer token of the person who looks at `dossier` in this role (demo tokens are person ids). */
function tokenFor(backend: MemoryBackend, viewer: Viewer, dossier: Dossier): string {
  const student = backend.data.students.find((s) => s.id === dossier.student.id);
  const token = {
    student: () => dossier.student.id,
    guardian: () => student?.guardianIds[0],
    mentor: () => dossier.mentor?.id ?? backend.data.accounts.find((a) => a.actor.role === 'mentor')?.token,
    mbo: () => backend.data.accounts.find((a) => a.actor.role === 'mbo' && a.actor.instelling?.brin === chosenInstelling(dossier))?.token,
  }[viewer]();
  if (!token) throw new Error(`No ${viewer} account for ${dossier.id}`);
  return token;
}

/** A fresh backend, a dossier in the asked state and a client signed in as `viewer`. */
export function setupDossier(viewer: Viewer, query: DossierQuery): StorySetup {
  const backend = createMemoryBackend();
  const dossier = exampleDossier(backend, query);
  return { backend, api: backend.client(tokenFor(backend, viewer, dossier)), dossierId: dossier.id };
}

/** A fresh backend and a client signed in with one of the example tokens (e.g. 'mentor-de-vries'). */
export function setupAs(token: string): StorySetup {
  const backend = createMemoryBackend();
  if (!backend.data.accounts.some((a) => a.token === token)) throw new Error(`No example account ${token}`);
  return { backend, api: backend.client(token) };
}

/** The story's `loaded` value, typed. */
export const setupOf = (loaded: Record<string, unknown>) => loaded['setup'] as StorySetup;
