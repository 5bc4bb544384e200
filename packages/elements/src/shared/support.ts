/**
 * The region's support contact (RegionConfig.support), shown in every message that leaves a person
 * stuck: a dossier that cannot be loaded, a refusal, a failure. Links only to what is safe to link:
 * a phone number, an e-mail address, an http(s) page.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RegionConfig } from '@doorstroom/sdk';
import { translate } from './i18n.js';

function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
const emailLike = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** "Kom je er niet uit? Neem contact op met {naam}." and the phone, e-mail and site. Nothing when the config is not loaded. */
export function renderSupport(config: RegionConfig | undefined, lang: string): TemplateResult | typeof nothing {
  const support = config?.support;
  if (!support?.naam) return nothing;
  const links: TemplateResult[] = [];
  if (support.telefoon) links.push(html`<a href=${telHref(support.telefoon)}>${support.telefoon}</a>`);
  if (support.email && emailLike.test(support.email)) links.push(html`<a href="mailto:${support.email}">${support.email}</a>`);
  const url = safeUrl(support.url);
  if (url) links.push(html`<a href=${url} rel="noopener">${url.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>`);
  return html`<p class="ddd-support" part="support">
    ${translate(lang, 'support.lead', { naam: support.naam })}${links.length ? html` ${links.map((link, index) => html`${index > 0 ? ' · ' : ''}${link}`)}` : nothing}
  </p>`;
}
