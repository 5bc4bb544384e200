/**
 * AVG inzage (art. 15): a student downloads everything the dossier backend holds about them
 * that they may see: who they are, every own dossier (as the backend shows it to them) and the
 * history of each. One JSON document, readable by people and by other software.
 */
import type { DossierApi, Dossier, HistoryEntry, Me } from './contract.js';

export interface StudentDataExport {
  /** Identifies the document, so software reading it knows what it is. */
  format: 'doorstroomdossier-export';
  formatVersion: 1;
  /** When the export was made (ISO 8601). */
  exportedAt: string;
  me: Me;
  dossiers: Array<{ dossier: Dossier; history: HistoryEntry[] }>;
}

export interface ExportOptions {
  now?: () => Date;
}

/**
 * Everything about the signed-in student: `me`, all own dossiers in full and their history.
 * Only for students. Dossiers of anyone else are left out even if a backend lists them.
 */
export async function exportStudentData(api: DossierApi, options: ExportOptions = {}): Promise<StudentDataExport> {
  const me = await api.me();
  if (me.role !== 'student') throw new Error(`exportStudentData is for students; signed in as ${me.role}`);
  const { items } = await api.listDossiers();
  const own = items.filter((item) => item.student.id === me.person.id);
  const dossiers = await Promise.all(
    own.map(async (item) => {
      const [dossier, history] = await Promise.all([api.getDossier(item.id), api.history(item.id)]);
      return { dossier, history };
    }),
  );
  return {
    format: 'doorstroomdossier-export',
    formatVersion: 1,
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    me,
    dossiers: dossiers.filter(({ dossier }) => dossier.student.id === me.person.id),
  };
}

/** The export as the file people download: indented JSON. */
export function exportToJson(data: StudentDataExport): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A file name such as `doorstroomdossier-gegevens-2026-11-23.json`. */
export function exportFileName(data: Pick<StudentDataExport, 'exportedAt'>): string {
  return `doorstroomdossier-gegevens-${data.exportedAt.slice(0, 10)}.json`;
}
