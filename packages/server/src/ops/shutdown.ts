/**
 * Graceful shutdown on SIGTERM (what Docker, Kubernetes and systemd send) and SIGINT (Ctrl-C):
 * the server stops accepting connections, lets requests under way finish (at most its shutdown
 * timeout), stops the outbox loop and the retention job, closes the database, and the process
 * exits 0. A second signal exits at once (1).
 */
import type { RunningServer } from '../server.js';

export interface SignalSource {
  on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

export interface StopOnSignalsOptions {
  /** Default: process. */
  signals?: SignalSource;
  /** Default: process.exit. */
  exit?: (code: number) => void;
  /** Default: a line on stdout. */
  log?: (line: string) => void;
}

export function stopOnSignals(running: Pick<RunningServer, 'close'>, options: StopOnSignalsOptions = {}): void {
  const signals = options.signals ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const log = options.log ?? ((line: string) => console.log(line));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log(`${signal}: stopping now, without waiting`);
      exit(1);
      return;
    }
    stopping = true;
    log(`${signal}: stopping (no new connections; requests under way may finish)`);
    running.close().then(
      () => {
        log('stopped');
        exit(0);
      },
      (error: unknown) => {
        log(`stopping failed: ${error instanceof Error ? error.name : typeof error}`);
        exit(1);
      },
    );
  };
  for (const name of ['SIGINT', 'SIGTERM'] as const) signals.on(name, () => stop(name));
}
