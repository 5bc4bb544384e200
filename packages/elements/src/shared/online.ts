/**
 * Whether an element can reach the server, as a reactive controller: `online` follows the
 * browser (`navigator.onLine` when the host connects, then the window's `online`/`offline`
 * events) and the host renders again when it changes. A request that could not reach the
 * server while the browser still thinks it is online can say so with `lost()`; the next request
 * that gets through (`reached()`) or the next `online` event ends that. Whatever gets through,
 * while the browser says it is offline `online` stays false.
 *
 * `onChange` hears the browser's word: once when the host connects and on every `online` and
 * `offline` event (also a repeated one: "back online" is the moment to send what waits).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { browserOnline, watchConnectivity } from './drafts.js';

export class OnlineController implements ReactiveController {
  private current = browserOnline();
  private stop?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange?: (online: boolean) => void,
  ) {
    host.addController(this);
  }

  /** False while the browser says it is offline, or since `lost()` until the server was reached again. */
  get online(): boolean {
    return this.current;
  }

  hostConnected(): void {
    this.follow(browserOnline());
    this.stop = watchConnectivity((online) => this.follow(online));
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
  }

  /** A request failed for lack of a connection. */
  lost(): void {
    this.set(false);
  }

  /** A request got through: online again, unless the browser says it is offline (an answer that was under way). */
  reached(): void {
    this.set(browserOnline());
  }

  private follow(online: boolean): void {
    this.set(online);
    this.onChange?.(online);
  }

  private set(online: boolean): void {
    if (online === this.current) return;
    this.current = online;
    this.host.requestUpdate();
  }
}
