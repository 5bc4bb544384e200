/** Row-level errors of an import: where (the record's path, the CSV line) and what, in Dutch for the beheerder. */
import { problem, problemTypeBase, type Problem } from '../sdk.js';

export interface ImportIssue {
  /** The record and field, e.g. `students.12.email`. */
  path: string;
  /** Dutch, short: what is wrong and how to fix it. */
  message: string;
  /** The CSV line the record came from. */
  line?: number;
}

/** An import refused as a whole: nothing was written. */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
  constructor(
    readonly issues: ImportIssue[],
    readonly detail = 'The import was refused; nothing was changed. See errors[] (path, line, message).',
  ) {
    super(
      `${issues.length} import error(s): ${issues
        .slice(0, 3)
        .map((i) => `${i.line ? `line ${i.line} ` : ''}${i.path}`)
        .join(', ')}`,
    );
  }
}

/** At most this many issues are reported: a wrong file would otherwise list every row. */
export const maxIssues = 200;

export function importProblem(refused: ImportRefused): Problem & { errors: ImportIssue[] } {
  const shown = refused.issues.slice(0, maxIssues);
  const more = refused.issues.length - shown.length;
  return {
    ...problem(
      422,
      'validation',
      `Het importbestand heeft ${refused.issues.length === 1 ? 'een fout' : `${refused.issues.length} fouten`}. Er is niets veranderd. Verbeter het bestand en probeer het opnieuw.`,
      {
        detail: `${refused.detail}${more > 0 ? ` ${more} more not shown.` : ''}`,
      },
    ),
    type: `${problemTypeBase}import-refused`,
    errors: shown,
  };
}

/** One line per issue, for the CLI: `regel 12 (students.3.email): Dit e-mailadres klopt niet.` */
export function formatIssue(issue: ImportIssue): string {
  return `${issue.line ? `regel ${issue.line} ` : ''}(${issue.path || 'bestand'}): ${issue.message}`;
}
