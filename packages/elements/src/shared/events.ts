/**
 * The events elements dispatch (all bubble and are composed, so a page can listen on any
 * ancestor or on `document`), and `dossierBus`, the same-page channel that keeps every element
 * showing a dossier up to date when one of them saves it.
 */
import {
  isDossierApiError,
  type Actor,
  type Begeleiding,
  type Dossier,
  type DossierAction,
  type DossierApi,
  type DossierApiError,
  type DossierApiErrorKind,
  type Intake,
  type NetworkCause,
} from '@doorstroom/sdk';

/**
 * A failure a person saw, for the portal: what it was (`kind`, as `DossierApiError.kind`, or
 * `unknown`), the technical `cause` of a network failure (offline, or the server unreachable:
 * down, a wrong address or its CORS settings), and the message the element showed.
 */
export interface DddErrorDetail {
  error: DossierApiError | Error;
  message: string;
  kind: DossierApiErrorKind | 'unknown';
  /** Which request failed: the set-up (config, who is signed in), loading a dossier, or an action the person took. */
  during: 'setup' | 'load' | 'action';
  /** For kind 'network'. */
  cause?: NetworkCause;
  /** The HTTP status, when the server answered. */
  status?: number;
}

/** The `ddd-error` detail for `error`, shown to the person as `message`. */
export function errorDetail(error: unknown, message: string, during: DddErrorDetail['during'] = 'action'): DddErrorDetail {
  const api = isDossierApiError(error) ? error : undefined;
  return {
    error: error instanceof Error ? error : new Error(String(error)),
    message,
    kind: api?.kind ?? 'unknown',
    during,
    ...(api?.networkCause ? { cause: api.networkCause } : {}),
    ...(api?.status !== undefined ? { status: api.status } : {}),
  };
}

/** `ddd-saved`: `dossier` is the backend's new version. */
export interface DddSavedDetail {
  dossier: Dossier;
}
/** `ddd-action`: the workflow action that succeeded and the dossier after it. */
export interface DddActionDetail {
  action: DossierAction;
  dossier: Dossier;
}
/** `ddd-dossier-created`: the new dossier. */
export interface DddDossierCreatedDetail {
  dossier: Dossier;
}
/** `ddd-begeleiding-saved`: the student's B1 as saved. */
export interface DddBegeleidingSavedDetail {
  begeleiding: Begeleiding;
}

/**
 * `ddd-overview-action`: what the decaan's action from the school overview did (reminders, moving
 * dossiers or a whole klas to another mentor, archiving), per student, in the words shown.
 */
export interface DddOverviewActionDetail {
  kind: 'remind' | 'changeMentor' | 'archive' | 'klas';
  entries: Array<{ naam: string; ok: boolean; text: string }>;
  /** A line above the entries (a klas move: who has the klas now, how many dossiers moved). */
  summary?: string;
  /** The whole request failed (no connection, server error). */
  error?: string;
}

/** `ddd-intake-saved`: the MBO set the intake status of a received dossier; `intake` as the backend stored it. */
export interface DddIntakeSavedDetail {
  dossierId: string;
  intake: Intake;
}

/**
 * Every `ddd-*` event's detail by event name. Each detail type is named after its event
 * (`ddd-dossier-created` → `DddDossierCreatedDetail`): custom-elements-manifest.config.mjs types
 * the manifest's events by that rule, and the JSX and Vue types are generated from the manifest.
 */
export interface DddEventDetails {
  /** A section (or begeleiding) was saved; `dossier` is the backend's new version. */
  'ddd-saved': DddSavedDetail;
  /** A workflow action succeeded (submitToMentor, finalize, …). */
  'ddd-action': DddActionDetail;
  /** Something failed (also loading: an expired token, a dossier that is not there, no connection); `message` is what the element showed, in its language. */
  'ddd-error': DddErrorDetail;
  /** A new dossier was created. */
  'ddd-dossier-created': DddDossierCreatedDetail;
  /** B1 of a student was saved from the mentor's or decaan's overview. */
  'ddd-begeleiding-saved': DddBegeleidingSavedDetail;
  /** The decaan acted on students from the school overview; the result per student. */
  'ddd-overview-action': DddOverviewActionDetail;
  /** The MBO set a received dossier's intake status (intake gepland, geplaatst, niet geplaatst). */
  'ddd-intake-saved': DddIntakeSavedDetail;
}

export type DddEventName = keyof DddEventDetails;
export type DddEvent<K extends DddEventName> = CustomEvent<DddEventDetails[K]>;

/** Every `ddd-*` event by name, for the event maps of elements, `document` and `window` (the events bubble and are composed). */
export type DddEventMap = { [K in DddEventName]: DddEvent<K> };

declare global {
  interface HTMLElementEventMap extends DddEventMap {}
  interface DocumentEventMap extends DddEventMap {}
  interface WindowEventMap extends DddEventMap {
    'ddd-dossier-changed': CustomEvent<DossierChange>;
  }
}

/**
 * Dispatches a typed, bubbling, composed event from `host`. Returns false when a listener
 * called `preventDefault()`.
 *
 * @example emit(this, 'ddd-saved', { dossier });
 */
export function emit<K extends DddEventName>(host: EventTarget, type: K, detail: DddEventDetails[K]): boolean {
  return host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
}

/**
 * Who published a copy on `dossierBus`. The backend gives every person their own view of a
 * dossier (a student does not see deel B before it is sent, an MBO only what is shared), so a
 * copy is only for elements signed in as the same person.
 */
export interface BusOrigin {
  /** The person signed in, as `actorKey(me)`, when the publisher knows it. */
  actor?: string;
  /** The publisher's client, as `clientKey(api)`: the same client is always the same person. */
  client?: string;
}

/** What travels on the bus: the dossier, and who published it (absent when a portal published its own copy). */
export interface DossierChange {
  dossier: Dossier;
  origin?: BusOrigin;
}

/** Identifies the person signed in: role and person id (the same person in another role sees another view). */
export const actorKey = (me: Pick<Actor, 'role' | 'person'>): string => `${me.role}:${me.person.id}`;

const clientKeys = new WeakMap<DossierApi, string>();
let clientCount = 0;
/** An opaque, page-unique name for a client object; never the client or its token itself. */
export function clientKey(api: DossierApi): string {
  let key = clientKeys.get(api);
  if (!key) clientKeys.set(api, (key = `client-${++clientCount}`));
  return key;
}

/**
 * Whether a receiver (its own client key and, when known, actor key) may take a copy from
 * `origin`: true, false, or 'unknown' when only the receiver's actor can tell (look it up, then
 * compare with `origin.actor`). A copy without origin was published by the page itself, which
 * vouches for whose view it is.
 */
export function acceptsCopy(origin: BusOrigin | undefined, receiver: { client?: string; actor?: string }): boolean | 'unknown' {
  if (!origin) return true;
  if (origin.client !== undefined && origin.client === receiver.client) return true;
  if (origin.actor === undefined) return false;
  if (receiver.actor !== undefined) return receiver.actor === origin.actor;
  return 'unknown';
}

/**
 * Same-page channel for dossier changes: a form publishes after saving, `<ddd-progress>` for the
 * same dossier id follows. Carried by the window event `ddd-dossier-changed`, so a portal can
 * publish too (e.g. after its own API call). Elements publish with their `origin` and only take
 * copies published by the same person (see `acceptsCopy`).
 */
export const dossierBus = {
  publish(dossier: Dossier, origin?: BusOrigin): void {
    if (typeof window === 'undefined') return;
    const detail: DossierChange = origin ? { dossier, origin: { ...origin } } : { dossier };
    window.dispatchEvent(new CustomEvent('ddd-dossier-changed', { detail }));
  },
  /** Calls `listener` with every published dossier and its origin; returns the function that stops listening. */
  subscribe(listener: (dossier: Dossier, origin?: BusOrigin) => void): () => void {
    if (typeof window === 'undefined') return () => {};
    const handler = (event: CustomEvent<DossierChange>) => listener(event.detail.dossier, event.detail.origin);
    window.addEventListener('ddd-dossier-changed', handler);
    return () => window.removeEventListener('ddd-dossier-changed', handler);
  },
};
