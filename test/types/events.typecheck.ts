// Type-checked by `npm run typecheck` (tsc includes test/**): a portal listens for the elements'
// events on document and window, not only on an element (issue 15). No runtime part.
import type { DossierAction, Begeleiding } from '@doorstroom/sdk';
import type { DddErrorDetail } from '../../packages/elements/src/index.js';

document.addEventListener('ddd-action', (event) => {
  const action: DossierAction = event.detail.action;
  return action;
});
window.addEventListener('ddd-error', (event) => {
  const detail: DddErrorDetail = event.detail;
  return detail.kind === 'network' ? detail.cause : detail.status;
});
document.body.addEventListener('ddd-begeleiding-saved', (event) => {
  const record: Begeleiding = event.detail.begeleiding;
  return record.version;
});
