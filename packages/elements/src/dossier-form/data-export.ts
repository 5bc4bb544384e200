/**
 * "Download mijn gegevens" under the student's dossier list: AVG inzage as one JSON file with
 * everything the backend holds about them (`exportStudentData`). The file is made in the
 * browser (a Blob), so nothing extra is sent anywhere.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { exportFileName, exportStudentData, exportToJson, type DossierApi } from '@doorstroom/sdk';
import { below, heading, type HeadingLevel } from '../shared/heading.js';
import { addMessages, type MessageVars } from '../shared/i18n.js';
import type { FormMessageKey } from './messages.js';

/** What the download block reads from the form and asks it to do. */
export interface DataExportOptions {
  readonly level: HeadingLevel;
  t(key: FormMessageKey | (string & {}), vars?: MessageVars): string;
  /** The configured backend (throws when there is none). */
  requireApi(): DossierApi;
  /** Tell the page what failed; returns the message shown to the user. */
  report(error: unknown): string;
  requestUpdate(): void;
}

addMessages({
  nl: {
    'form.export.title': 'Jouw gegevens',
    'form.export.intro': 'Je mag altijd zien welke gegevens over jou zijn opgeslagen. Download ze als bestand (JSON): al je dossiers en wat ermee is gebeurd.',
    'form.export.button': 'Download mijn gegevens',
    'form.export.busy': 'Gegevens verzamelen…',
    'form.export.done': 'Je gegevens zijn gedownload. Je vindt het bestand bij je downloads.',
    'form.export.error': 'Het downloaden is niet gelukt.',
  },
});

type ExportState = { status: 'idle' | 'busy' | 'done' } | { status: 'error'; message: string };

// Kept beside the element rather than in it: the list view is the only place that needs it.
const states = new WeakMap<DataExportOptions, ExportState>();

/** Offers a text as a file download. */
export function downloadFile(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.click();
  // Revoking right away can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function download(host: DataExportOptions): Promise<void> {
  const set = (state: ExportState) => {
    states.set(host, state);
    host.requestUpdate();
  };
  set({ status: 'busy' });
  try {
    const data = await exportStudentData(host.requireApi());
    downloadFile(exportFileName(data), exportToJson(data));
    set({ status: 'done' });
  } catch (error) {
    set({ status: 'error', message: host.report(error) });
  }
}

export function renderDataExport(host: DataExportOptions): TemplateResult {
  const state = states.get(host) ?? { status: 'idle' };
  const busy = state.status === 'busy';
  return html`<section class="data-export ddd-no-print" aria-labelledby="data-export-heading">
    ${heading(below(host.level, 1), host.t('form.export.title'), { id: 'data-export-heading', class: 'heading-sub' })}
    <p class="ddd-help" id="data-export-intro">${host.t('form.export.intro')}</p>
    <button type="button" class="ddd-button ddd-button--secondary" aria-describedby="data-export-intro" aria-disabled=${busy ? 'true' : nothing} @click=${() => busy || void download(host)}>
      ${busy ? host.t('form.export.busy') : host.t('form.export.button')}
    </button>
    <p class="data-export__status" role="status">${state.status === 'done' ? host.t('form.export.done') : nothing}</p>
    ${state.status === 'error' ? html`<div class="ddd-notice ddd-notice--error" role="alert"><p>${host.t('form.export.error')} ${state.message}</p></div>` : nothing}
  </section>`;
}
