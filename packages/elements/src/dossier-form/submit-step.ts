/**
 * The send block under "Controleer je antwoorden": "Opsturen naar mentor" (vo-mbo; a mentor from
 * the school's roster, or a free name and e-mail) or "Naar de akkoordverklaring" (mbo-mbo,
 * werk-mbo). What is offered and why not comes from the SDK's workflow (availableActions, can).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import {
  availableActions,
  can,
  localize,
  type ActionRequest,
  type Actor,
  type Dossier,
  type DossierAction,
  type Mentor,
  type RegionConfig,
  type TextQuestion,
  type WorkflowContext,
} from '@doorstroom/sdk';
import { below, heading, type HeadingLevel } from '../shared/heading.js';
import { renderField } from '../shared/fields.js';
import { renderSupport } from '../shared/support.js';
import { translate } from '../shared/i18n.js';
import type { DraftView } from './state.js';
import type { DossierActionPort } from './status-actions.js';

/** What the send block reads from the form and asks it to do. */
export interface SubmitPort extends DossierActionPort {
  readonly me?: Actor;
  readonly config?: RegionConfig;
  /** The day the workflow judges on. */
  readonly now: Date;
  readonly lang: string;
  readonly level: HeadingLevel;
  /** A refusal's own message when the backend names one, else the SDK's user message. */
  messageFor(error: unknown): string;
  /** Saves every answer still waiting; true when nothing is left unsaved. */
  saveAll(): Promise<boolean>;
  /** Why the last save failed. */
  readonly saveError: unknown;
}

type MentorsLoad = { status: 'loading' | 'ready' | 'error'; items: Mentor[]; error?: unknown; key: string };

const both = (key: string) => ({ nl: translate('nl', key), en: translate('en', key) });

export class SubmitStep implements ReactiveController {
  mentorId?: string;
  /** The free mentor as typed; until then the mentor of an earlier round, so a mistyped e-mail can be corrected. */
  private typed?: { naam: string; email: string };
  status: 'idle' | 'busy' = 'idle';
  /** Why the last attempt was refused or failed, in the user's language. */
  problem?: string;
  /** The last attempt failed at the backend (not a choice the student can still fix): show where to get help. */
  private failed = false;
  private mentors?: MentorsLoad;

  constructor(
    private readonly controllerHost: ReactiveControllerHost,
    private readonly host: SubmitPort,
  ) {
    controllerHost.addController(this);
  }

  hostConnected(): void {}

  /** The dossier as it will be once the drafts are saved: what the workflow should judge. */
  private working(view: DraftView): Dossier {
    return { ...view.dossier, answers: view.working.answers };
  }

  /**
   * Whether the student picks from the school's roster: a fact of their school (`/me`). A backend
   * that does not say so is asked for the roster, and an empty one means a free name and e-mail.
   */
  private usesRoster(): boolean {
    const school = this.host.me?.school;
    if (school?.mentorRoster !== undefined) return school.mentorRoster;
    const load = this.roster(school?.id);
    return !!load && !(load.status === 'ready' && load.items.length === 0);
  }

  private context(): WorkflowContext {
    const config = this.host.config!;
    const roster = this.usesRoster() && this.mentors?.status === 'ready' ? { roster: this.mentors.items } : {};
    return { config, today: this.host.now, ...roster };
  }

  private roster(schoolId: string | undefined): MentorsLoad | undefined {
    if (!schoolId) return undefined;
    const api = this.host.requireApi();
    const key = schoolId;
    if (this.mentors?.key === key) return this.mentors;
    this.mentors = { status: 'loading', items: [], key };
    api.mentors(schoolId).then(
      (items) => {
        if (this.mentors?.key === key) this.mentors = { status: 'ready', items, key };
        this.controllerHost.requestUpdate();
      },
      (error: unknown) => {
        if (this.mentors?.key === key) this.mentors = { status: 'error', items: [], error, key };
        this.controllerHost.requestUpdate();
      },
    );
    return this.mentors;
  }

  render(view: DraftView): TemplateResult {
    const host = this.host;
    const { me } = host;
    const dossier = this.working(view);
    const action: DossierAction = dossier.type === 'vo-mbo' ? 'submitToMentor' : 'submitForConsent';
    const offered = availableActions(me!, dossier, this.context()).includes(action);
    if (!offered) {
      const decision = can(me!, action, dossier, this.context());
      return html`<section class="submit" part="submit" aria-labelledby="submit-heading">
        ${heading(below(host.level, 1), host.t('form.submit.title'), { id: 'submit-heading', class: 'heading-sub' })}
        <p>${host.t('form.submit.notReady')}</p>
        ${decision.allowed ? nothing : html`<p class="ddd-notice refusal">${localize(decision.refusal.message, host.lang)}</p>`}
      </section>`;
    }
    const busy = this.status === 'busy';
    const mentorPart = action === 'submitToMentor' ? (this.usesRoster() ? this.renderRoster(me!.school?.id, dossier) : this.renderFreeMentor(dossier)) : nothing;
    return html`<section class="submit" part="submit" aria-labelledby="submit-heading">
      ${heading(below(host.level, 1), host.t('form.submit.title'), { id: 'submit-heading', class: 'heading-sub' })}
      <p>${action === 'submitToMentor' ? host.t('form.submit.mentorIntro') : host.t('form.submit.consentIntro')}</p>
      <form
        novalidate
        @submit=${(event: Event) => {
          event.preventDefault();
          if (!busy) void this.send(action, view);
        }}
      >
        ${mentorPart}
        ${this.problem ? html`<div class="ddd-notice ddd-notice--error" role="alert"><p>${this.problem}</p>${this.failed ? renderSupport(host.config, host.lang) : nothing}</div>` : nothing}
        <button type="submit" class="ddd-button" aria-disabled=${busy ? 'true' : nothing}>
          ${busy ? host.t('form.submit.sending') : action === 'submitToMentor' ? host.t('form.submit.toMentor') : host.t('form.submit.toConsent')}
        </button>
      </form>
    </section>`;
  }

  private renderRoster(schoolId: string | undefined, dossier: Dossier): TemplateResult {
    const host = this.host;
    const load = this.roster(schoolId);
    if (!load || (load.status === 'ready' && load.items.length === 0)) {
      return html`<div class="ddd-notice"><p>${host.t('form.submit.mentorsEmpty')}</p>${renderSupport(host.config, host.lang)}</div>`;
    }
    if (load.status === 'loading') return html`<p class="ddd-notice" role="status">${host.t('form.submit.mentorsLoading')}</p>`;
    if (load.status === 'error') {
      return html`<div class="ddd-notice ddd-notice--error" role="alert">
        <p>${host.t('form.submit.mentorsError')} ${host.messageFor(load.error)}</p>
        <button type="button" class="ddd-button ddd-button--secondary" @click=${() => {
          this.mentors = undefined;
          this.controllerHost.requestUpdate();
        }}>${host.t('common.retry')}</button>
      </div>`;
    }
    const chosen = this.mentorId ?? load.items.find((m) => m.id !== undefined && m.email === dossier.mentor?.email)?.id;
    return html`<fieldset class="ddd-fieldset" id="ddd-mentor">
      <legend class="ddd-legend">${host.t('form.submit.mentorLegend')}</legend>
      <div class="ddd-choices">
        ${load.items.map(
          (mentor, index) => html`<div class="ddd-choice">
            <input type="radio" class="ddd-choice__input" name="ddd-mentor" id="ddd-mentor-${index}" .checked=${chosen === mentor.id}
              aria-describedby="ddd-mentor-${index}-hint" @change=${() => this.pick(mentor.id)} />
            <label class="ddd-choice__label" for="ddd-mentor-${index}">${mentor.naam}</label>
            <div class="ddd-choice__hint" id="ddd-mentor-${index}-hint">${mentor.email}</div>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  private free(dossier: Dossier | undefined): { naam: string; email: string } {
    return this.typed ?? { naam: dossier?.mentor?.naam ?? '', email: dossier?.mentor?.email ?? '' };
  }

  private renderFreeMentor(dossier: Dossier): TemplateResult {
    const lang = this.host.lang;
    const free = this.free(dossier);
    const naam: TextQuestion = { kind: 'text', id: 'mentorNaam', label: both('form.submit.mentorName'), required: true, autocomplete: 'off', maxLength: 200 };
    const email: TextQuestion = {
      kind: 'text',
      id: 'mentorEmail',
      label: both('form.submit.mentorEmail'),
      required: true,
      format: 'email',
      autocomplete: 'off',
      maxLength: 254,
      placeholder: both('form.submit.mentorEmailExample'),
    };
    const input = (question: TextQuestion, key: 'naam' | 'email') =>
      renderField({
        question,
        value: free[key],
        lang,
        id: `ddd-${question.id}`,
        onInput: (value) => {
          this.typed = { ...this.free(dossier), [key]: typeof value === 'string' ? value : '' };
          // A refusal about what was typed before stays on screen until the student changes it.
          if (this.problem === undefined) return;
          this.problem = undefined;
          this.controllerHost.requestUpdate();
        },
        onBlur: () => {},
      });
    return html`${input(naam, 'naam')}${input(email, 'email')}`;
  }

  private pick(mentorId: string | undefined): void {
    this.mentorId = mentorId;
    this.problem = undefined;
    this.controllerHost.requestUpdate();
  }

  private request(action: DossierAction, dossier: Dossier): ActionRequest | undefined {
    if (action !== 'submitToMentor') return undefined;
    if (this.usesRoster()) return this.mentorId ? { mentorId: this.mentorId } : undefined;
    const free = this.free(dossier);
    return { mentor: { naam: free.naam.trim(), email: free.email.trim() } };
  }

  private async send(action: DossierAction, view: DraftView): Promise<void> {
    const host = this.host;
    const me = host.me!;
    const request = this.request(action, this.working(view));
    const decision = can(me, action, this.working(view), this.context(), request);
    this.failed = false;
    if (!decision.allowed) {
      this.problem = localize(decision.refusal.message, host.lang);
      this.controllerHost.requestUpdate();
      return;
    }
    this.status = 'busy';
    this.problem = undefined;
    this.controllerHost.requestUpdate();
    try {
      if (!(await host.saveAll())) throw host.saveError;
      const base = host.base!;
      const dossier = await host.requireApi().act(base.id, action, request, base.version);
      this.status = 'idle';
      const mentor = dossier.mentor?.naam ?? '';
      host.acted(action, dossier, action === 'submitToMentor' ? { key: 'form.submit.sentToMentor', vars: { mentor } } : { key: 'form.submit.sentToConsent' });
    } catch (error) {
      this.status = 'idle';
      this.failed = true;
      this.problem = `${host.t('form.submit.failed')} ${host.report(error)}`;
      this.controllerHost.requestUpdate();
    }
  }
}
