/**
 * What the framework tests share: a memory backend signed in as Noor (as docs/npm.md's
 * "Testing your integration" shows), typing into her Motivatie section the way she would, and
 * catching the console errors a framework prints for a wrong binding.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryBackend, type DossierApi, type MemoryBackend } from '@doorstroom/sdk';
import type { DddDossierForm } from '@doorstroom/elements';

export const noor = { person: 'student-noor', dossierId: 'dossier-noor' } as const;
export const typedAnswer = 'Verpleegkundige';

export function signedInAsNoor(): { backend: MemoryBackend; api: DossierApi } {
  const backend = createMemoryBackend();
  return { backend, api: backend.client(backend.tokens[noor.person]!) };
}

const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/** Opens A9 Motivatie in the form and types into "Wat wil je later worden?" with the keyboard. */
export async function typeIntoMotivatie(form: DddDossierForm): Promise<void> {
  await waitUntil(() => form.shadowRoot?.querySelector('.tasks'), 'the form loaded the dossier through its api', { timeout: 10000 });
  const task = [...form.shadowRoot!.querySelectorAll<HTMLButtonElement>('.task__button')].find((button) => squash(button.querySelector('.task__title')?.textContent) === 'A9 Motivatie');
  expect(task, 'a task "A9 Motivatie"').to.exist;
  task!.click();
  await waitUntil(() => form.shadowRoot!.querySelector('#ddd-later'), 'the Motivatie section', { timeout: 5000 });
  form.shadowRoot!.querySelector<HTMLElement>('#ddd-later')!.focus();
  await sendKeys({ type: typedAnswer });
}

/** Every console.error until `stop()`: React and Vue report wrong bindings there. */
export function recordConsoleErrors(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  return { errors, stop: () => (console.error = original) };
}
