/**
 * A portal page under a strict CSP (see csp-headers.mjs): every element, on a memory backend
 * in the page. The test in csp.test.ts drives it through an iframe.
 */
import { createMemoryBackend, exampleData, type DossierApi, type MemoryBackend } from '@doorstroom/sdk';
import '@doorstroom/elements';
import type { DddConsent, DddDossierForm, DddMentorReview, DddProgress } from '@doorstroom/elements';

declare global {
  interface Window {
    cspPage?: { backend: MemoryBackend; form: DddDossierForm; mentor: DddMentorReview; overview: DddMentorReview; consent: DddConsent; progress: DddProgress };
  }
}

const backend = createMemoryBackend(exampleData());
const as = (person: string) => backend.client(backend.tokens[person]!);
const app = document.getElementById('app')!;

function add<T extends HTMLElement & { api?: DossierApi }>(tag: string, attributes: Record<string, string>, api: DossierApi): T {
  const element = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.api = api;
  app.append(element);
  return element;
}

const progress = add<DddProgress>('ddd-progress', { 'dossier-id': 'dossier-noor' }, as('student-noor'));
const form = add<DddDossierForm>('ddd-dossier-form', { 'dossier-id': 'dossier-noor', 'autosave-delay': '50' }, as('student-noor'));
const mentor = add<DddMentorReview>('ddd-mentor-review', { 'dossier-id': 'dossier-mohammed' }, as('mentor-yilmaz'));
const consent = add<DddConsent>('ddd-consent', { 'dossier-id': 'dossier-emma' }, as('student-emma'));
// The decaan's school overview: a table whose rows are grids, its columns set through the CSSOM.
const overview = add<DddMentorReview>('ddd-mentor-review', {}, as('decaan-visser'));

window.cspPage = { backend, form, mentor, overview, consent, progress };
