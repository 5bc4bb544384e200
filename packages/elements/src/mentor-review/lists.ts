/**
 * The data of the two overviews: loads "Te behandelen" and "Mijn leerlingen" (with search and
 * filters) when asked for, once per view and filter, ignoring answers that arrive out of order.
 * A failed load is not the answer for its filter: asking again ("Filter", Enter) loads again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DossierApi, DossierSummary, StudentOverview } from '@doorstroom/sdk';
import type { MentorView, StudentFilter } from './work-list.js';

const noFilter: StudentFilter = { q: '', klas: '', leerjaar: '' };

export class MentorLists implements ReactiveController {
  teBehandelen?: DossierSummary[];
  students?: StudentOverview[];
  loading = false;
  /** The message shown when the last load failed. */
  error?: string;
  /** What the filter fields show… */
  filter: StudentFilter = noFilter;
  /** …and what the list was asked for: typing waits a moment so not every letter is a request. */
  private applied: StudentFilter = noFilter;
  /** Every klas and leerjaar of the unfiltered list, so the filters keep their options. */
  klassen: string[] = [];
  leerjaren: number[] = [];

  private key?: string;
  private sequence = 0;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Tells about a failure and returns its message; `search` when "Mijn leerlingen" was asked for with a search text. */
    private readonly report: (error: unknown, what: 'list' | 'search') => string,
    private readonly typingDelay = 300,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Loads the view unless it is loaded (or loading) for the same filter. */
  ensure(api: DossierApi, view: MentorView): void {
    const key = JSON.stringify([view, view === 'mijnLeerlingen' ? this.applied : null]);
    if (this.key === key) return;
    this.key = key;
    void this.load(api, view, this.applied);
  }

  /** The next `ensure` loads again (e.g. after coming back from a dossier). */
  invalidate(): void {
    this.key = undefined;
  }

  /** A filter field changed; `immediately` is false while typing. */
  change(change: Partial<StudentFilter>, immediately: boolean): void {
    // Merged here, not in the template: two changes may come before the next render.
    this.filter = { ...this.filter, ...change };
    clearTimeout(this.timer);
    if (immediately) this.apply();
    else
      this.timer = setTimeout(() => {
        this.apply();
        this.host.requestUpdate();
      }, this.typingDelay);
    this.host.requestUpdate();
  }

  private apply(): void {
    this.applied = this.filter;
    // The same filter again after a failure is a retry. Only a person asking retries: `ensure`
    // runs on every render and would otherwise repeat a refused search without end.
    if (this.error !== undefined) this.invalidate();
  }

  private async load(api: DossierApi, view: MentorView, filter: StudentFilter): Promise<void> {
    const mine = ++this.sequence;
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      if (view === 'teBehandelen') {
        const list = await api.listDossiers({ view });
        if (mine === this.sequence) this.teBehandelen = list.items;
        return;
      }
      const leerjaar = Number(filter.leerjaar);
      const list = await api.listDossiers({
        view,
        ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
        ...(filter.klas ? { klas: filter.klas } : {}),
        ...(filter.leerjaar && Number.isFinite(leerjaar) ? { leerjaar } : {}),
      });
      if (mine !== this.sequence) return;
      const students = list.students ?? [];
      this.students = students;
      if (!filter.q && !filter.klas && !filter.leerjaar) {
        this.klassen = [...new Set(students.flatMap((s) => (s.klas ? [s.klas] : [])))].sort((a, b) => a.localeCompare(b, 'nl'));
        this.leerjaren = [...new Set(students.flatMap((s) => (s.leerjaar !== undefined ? [s.leerjaar] : [])))].sort((a, b) => a - b);
      }
    } catch (error) {
      const searching = view === 'mijnLeerlingen' && filter.q.trim() !== '';
      if (mine === this.sequence) this.error = this.report(error, searching ? 'search' : 'list');
    } finally {
      if (mine === this.sequence) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}
