/**
 * The tiny database port the store runs on: parameterised queries and transactions in one SQL
 * dialect (PostgreSQL's), over PGlite (PostgreSQL compiled to WebAssembly, file-backed, no set-up)
 * or over any PostgreSQL server through a `pg` pool.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PoolClient } from 'pg';

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows changed by INSERT/UPDATE/DELETE. */
  rowCount: number;
}

export interface QueryOptions {
  /**
   * A prepared statement under this name: parsed and planned once per connection, then only bound
   * and run (PostgreSQL). The same name must always come with the same SQL text. PGlite ignores it.
   */
  name?: string;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: ReadonlyArray<unknown>, options?: QueryOptions): Promise<QueryResult<Row>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** One connection for a unit of work whose transaction starts when asked for (see `Db.session`). */
export interface Session extends Queryable {
  /** Whether BEGIN was sent: from then on every statement is in the transaction, committed at the end. */
  inTransaction(): boolean;
  /** Sends BEGIN unless it was sent already. */
  begin(): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** BEGIN … COMMIT around `work`; ROLLBACK when it throws. Retried on deadlock or serialisation failure. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * `work` on one connection (taken at its first statement), with BEGIN sent only when it calls `begin()`: until then each
   * statement commits on its own, so a unit whose only write is one statement costs no BEGIN and
   * no COMMIT (two round trips fewer). After `begin()` it is `transaction`: COMMIT at the end,
   * ROLLBACK when it throws. Retried as a whole on deadlock or serialisation failure (SQLSTATE
   * 40P01, 40001; a caller that finds a conflict itself throws an error with code 40001). On
   * PGlite (one connection, transactions one after another) it is a transaction from the start.
   */
  session<T>(work: (session: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** SQLSTATEs after which the whole transaction may simply be run again. */
const retryableCodes = new Set(['40001', '40P01']);
const maxAttempts = 3;

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && retryableCodes.has(String((error as { code: unknown }).code));
}

/** PGlite keeps its files in `dataDir`; without one it lives in memory (and initialises slowly every time). */
export async function openPglite(options: { dataDir?: string } = {}): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir ? { dataDir } : {});
  type Runner = { query: typeof pg.query; exec: typeof pg.exec };
  const wrap = (runner: Runner): Queryable => ({
    async query<Row>(sql: string, params: ReadonlyArray<unknown> = []) {
      const result = await runner.query<Row>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await runner.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    // PGlite has one connection: its transactions already run one after another.
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    session: (work) => pg.transaction((tx) => work({ ...wrap(tx), inTransaction: () => true, begin: async () => undefined })),
    close: () => pg.close(),
  };
}

export interface PoolOptions {
  connectionString: string;
  /** Connections per instance. Default 10. */
  max?: number;
}

export async function openPostgres(options: PoolOptions): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error(JSON.stringify({ level: 'error', msg: 'database pool error', code: (error as { code?: string }).code ?? error.name })));
  type Client = { query: (query: string | { text: string; values: unknown[]; name?: string }) => Promise<{ rows: unknown[]; rowCount: number | null }> };
  const wrap = (client: Client): Queryable => ({
    async query<Row>(sql: string, params: ReadonlyArray<unknown> = [], options: QueryOptions = {}) {
      const result = await client.query({ text: sql, values: [...params], ...(options.name ? { name: options.name } : {}) });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  // Fail fast on a wrong DATABASE_URL instead of on the first request.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        let broken = false;
        try {
          await client.query('BEGIN');
          const result = await work(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          try {
            await client.query('ROLLBACK');
          } catch {
            broken = true;
          }
          if (attempt < maxAttempts && isRetryable(error)) continue;
          throw error;
        } finally {
          client.release(broken);
        }
      }
    },
    async session(work) {
      for (let attempt = 1; ; attempt++) {
        // The connection is taken from the pool at the unit's first statement, not before: a unit
        // that decides on cached reads (pg-store's read cache) does its work without holding one,
        // and holds it only for its statement. With every connection busy (the pool is the limit
        // under load), a connection held through a unit's own CPU work was one no other unit had
        // (issue 14, item 7). Methods, not named arrows: nothing named per unit (a defineProperty
        // each under tsx, esbuild's keepNames, which is how the benchmark runs the server).
        let client: PoolClient | undefined;
        let acquiring: Promise<PoolClient> | undefined;
        let begun = false;
        let broken = false;
        const session = {
          async connection(): Promise<PoolClient> {
            return client ?? (await (acquiring ??= pool.connect().then((taken) => (client = taken))));
          },
          async query<Row>(sql: string, params: ReadonlyArray<unknown> = [], options: QueryOptions = {}): Promise<QueryResult<Row>> {
            const result = await (await session.connection()).query({ text: sql, values: [...params], ...(options.name ? { name: options.name } : {}) });
            return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
          },
          async exec(sql: string) {
            await (await session.connection()).query(sql);
          },
          inTransaction() {
            return begun;
          },
          async begin() {
            if (begun) return;
            await (await session.connection()).query('BEGIN');
            begun = true;
          },
        };
        try {
          const result = await work(session);
          if (begun) await client!.query('COMMIT');
          return result;
        } catch (error) {
          if (begun) {
            try {
              await client!.query('ROLLBACK');
            } catch {
              broken = true;
            }
          }
          if (attempt < maxAttempts && isRetryable(error)) continue;
          throw error;
        } finally {
          // A connection still on its way (a unit that failed while asking for one) goes back too.
          const held = client ?? (acquiring ? await acquiring.catch(() => undefined) : undefined);
          held?.release(broken);
        }
      }
    },
    close: () => pool.end(),
  };
}

export interface OpenDbOptions {
  /** postgres://… ; when set, PostgreSQL through a pool. */
  databaseUrl?: string;
  /** PGlite's data directory, used when there is no databaseUrl. */
  dataDir?: string;
  poolSize?: number;
}

export function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres({ connectionString: options.databaseUrl, ...(options.poolSize ? { max: options.poolSize } : {}) });
  return openPglite(options.dataDir ? { dataDir: options.dataDir } : {});
}
