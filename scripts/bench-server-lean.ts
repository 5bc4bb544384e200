// The lean baseline of scripts/bench-server.ts: the same load with nothing but one statement per
// request (UPDATE … WHERE version = $n RETURNING, the history row in the same statement) over
// node:http and a pg pool. No sign-in, no rules, no validation: a floor to compare the reference
// server with, never a server to run. Env: DATABASE_URL, PORT, POOL.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: Number(process.env['POOL'] ?? 20) });
const write = (set: string, entry: string) => `WITH d AS (UPDATE lean_dossiers SET version = version + 1, updated_at = $3, ${set}
  WHERE id = $1 AND version = $2 RETURNING id, version, data),
  h AS (INSERT INTO lean_history (dossier_id, entry) SELECT id, jsonb_build_object('at', $3::text, 'version', version, ${entry}) FROM d)
SELECT version, data FROM d`;
const stamp = `jsonb_build_object('version', version + 1, 'updatedAt', $3::text)`;
const save = write(`data = jsonb_set(data, ARRAY['answers', $4], coalesce(data->'answers'->$4, '{}') || $5::jsonb) || ${stamp}`, `'kind', 'saved', 'sectionId', $4::text`);
const act = write(`archived = $4::text = 'archive', data = data || ${stamp} || jsonb_build_object('archived', $4::text = 'archive')`, `'kind', 'action', 'action', $4::text`);

createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const [, , , id, kind, name] = (req.url ?? '').split('/'); // /api/dossiers/:id[/(sections|actions)/:name]
  const version = Number(/\d+/.exec(req.headers['if-match'] ?? '')?.[0]);
  const values = [id, version, new Date().toISOString(), name];
  const { rows } =
    req.method === 'GET' // the benchmark reads a dossier again after a refusal
      ? await pool.query({ name: 'read', text: 'SELECT version, data FROM lean_dossiers WHERE id = $1', values: [id] })
      : kind === 'sections'
        ? await pool.query({ name: 'save', text: save, values: [...values, JSON.stringify((JSON.parse(Buffer.concat(chunks).toString()) as { answers: unknown }).answers)] })
        : await pool.query({ name: 'act', text: act, values });
  const row = rows[0] as { version: number; data: unknown } | undefined;
  const body = row ? JSON.stringify(row.data) : '{"status":409}';
  res.writeHead(row ? 200 : 409, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(row ? { ETag: `"${row.version}"` } : {}) });
  res.end(body);
}).listen(Number(process.env['PORT']), '127.0.0.1', () => console.log('lean baseline: listening'));
