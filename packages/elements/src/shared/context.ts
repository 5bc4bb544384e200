/**
 * @lit/context keys that `<ddd-context>` provides and `ApiController` consumes.
 * Keys are `Symbol.for(…)` so two copies of this package on one page still find each other.
 */
import { ContextRoot, createContext } from '@lit/context';
import type { DossierApi, Me, RegionConfig } from '@doorstroom/sdk';

/** The backend every descendant talks to. */
export const apiContext = createContext<DossierApi | undefined>(Symbol.for('doorstroom.api'));
/** The region's configuration, once `<ddd-context>` has loaded it. */
export const configContext = createContext<RegionConfig | undefined>(Symbol.for('doorstroom.config'));
/** Who is signed in (`GET /me`), once `<ddd-context>` has loaded it. */
export const meContext = createContext<Me | undefined>(Symbol.for('doorstroom.me'));

let root: ContextRoot | undefined;

/**
 * Lets consumers that connect before `<ddd-context>` is defined (script order, lazy loading)
 * still receive its values: the root replays their requests once the provider appears.
 */
export function ensureContextRoot(): void {
  if (root || typeof document === 'undefined') return;
  root = new ContextRoot();
  root.attach(document.documentElement);
}
