import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { goOffline, goOnline } from './harness.js';
import { OnlineController } from './online.js';

class Host implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  connect(): void {
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

describe('OnlineController', () => {
  afterEach(() => goOnline());

  it('follows the browser while connected, tells onChange, and renders again on a change', () => {
    const host = new Host();
    const heard: boolean[] = [];
    const connectivity = new OnlineController(host, (online) => heard.push(online));
    host.connect();
    expect(connectivity.online).to.equal(true);
    goOffline();
    expect(connectivity.online).to.equal(false);
    expect(host.updates).to.equal(1);
    goOnline();
    expect(connectivity.online).to.equal(true);
    expect(heard).to.deep.equal([true, false, true]);
    host.disconnect();
    goOffline();
    expect(heard, 'not listening once disconnected').to.deep.equal([true, false, true]);
  });

  it('lost() counts as offline until a request gets through, but never while the browser says offline', () => {
    const host = new Host();
    const connectivity = new OnlineController(host);
    host.connect();
    connectivity.lost();
    expect(connectivity.online).to.equal(false);
    connectivity.reached();
    expect(connectivity.online).to.equal(true);
    goOffline();
    connectivity.reached();
    expect(connectivity.online, 'an answer that was under way does not make it online').to.equal(false);
    host.disconnect();
  });
});
