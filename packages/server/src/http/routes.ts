/**
 * Route patterns for log lines: the path with every identifier replaced, so a log never holds a
 * dossier, student or school id, a search term or anything else a person typed.
 */
const patterns: ReadonlyArray<ReadonlyArray<string>> = [
  ['me'],
  ['config'],
  ['dossiers'],
  ['dossiers', ':id'],
  ['dossiers', ':id', 'sections', ':sectionId'],
  ['dossiers', ':id', 'actions', ':action'],
  ['dossiers', ':id', 'history'],
  ['dossiers', ':id', 'verify'],
  ['dossiers', ':id', 'pdf'],
  ['dossiers', ':id', 'intake'],
  ['reminders'],
  ['schools', ':id', 'klassen', ':klas', 'mentor'],
  ['students', ':id', 'begeleiding'],
  ['schools', ':id', 'mentors'],
  ['catalog', 'institutions'],
  ['catalog', 'institutions', ':brin', 'locations'],
  ['catalog', 'institutions', ':brin', 'programmes'],
  ['dev', 'outbox'],
  ['dev', 'accounts'],
  ['dev', 'reset'],
  ['admin', 'summary'],
  ['admin', 'import'],
  ['admin', 'schools'],
  ['admin', 'people', ':id'],
  ['admin', 'retention'],
  ['admin', 'students', ':id'],
  ['admin', 'audit'],
  ['consent-links', 'session'],
];

/** `/api/dossiers/:id/sections/:sectionId`, or `/api/(unknown)` for paths that are no route. */
export function routePattern(pathname: string, basePath: string): string {
  const rest = pathname.slice(basePath.length).split('/').filter(Boolean);
  const found = patterns.find((p) => p.length === rest.length && p.every((part, i) => part.startsWith(':') || part === rest[i]));
  return `${basePath}/${found ? found.join('/') : '(unknown)'}`;
}
