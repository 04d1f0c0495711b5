// Background host status in the renderer, outside React state: one map by host id, one listener set
// per host. A 'hosts.status' batch notifies only the hosts in it, so with useSyncExternalStore per cell
// a batch re-renders the changed cells and nothing else (not the table, not the other rows).
// The feed starts with the first subscriber: subscribe to the event first, then fetch the snapshot,
// and apply batches that arrived meanwhile after it, so nothing is lost or applied out of order.
import { useSyncExternalStore } from 'react';
import { call, on } from '../../../bmc-client';
import type { HostStatus } from '../../../../../shared/contract/host-status';

type Listener = () => void;

export class HostStatusStore {
  readonly #byId = new Map<string, HostStatus>();
  readonly #listeners = new Map<string, Set<Listener>>();
  #feeds = 0;
  #stopFeed: (() => void) | undefined;

  get(hostId: string): HostStatus | undefined {
    return this.#byId.get(hostId);
  }

  subscribe(hostId: string, l: Listener): () => void {
    let set = this.#listeners.get(hostId);
    if (!set) this.#listeners.set(hostId, (set = new Set()));
    set.add(l);
    return () => {
      set.delete(l);
      if (set.size === 0) this.#listeners.delete(hostId);
    };
  }

  /** Takes a batch: stores each host's status and wakes that host's cells only. */
  apply(batch: readonly HostStatus[]): void {
    const woken: Listener[] = [];
    for (const s of batch) {
      this.#byId.set(s.hostId, s);
      const set = this.#listeners.get(s.hostId);
      if (set) woken.push(...set);
    }
    for (const l of woken) l();
  }

  /** Follows main's status while anyone holds the returned release (ref-counted). */
  retain(): () => void {
    if (this.#feeds++ === 0) this.#startFeed();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.#feeds === 0) {
        this.#stopFeed?.();
        this.#stopFeed = undefined;
      }
    };
  }

  #startFeed(): void {
    let early: HostStatus[][] | undefined = [];
    let live = true;
    const off = on('hosts.status', ({ hosts }) => {
      if (early) early.push(hosts);
      else this.apply(hosts);
    });
    this.#stopFeed = () => {
      live = false;
      off();
    };
    void call('hostStatus.snapshot', {}).then(
      ({ hosts }) => {
        if (!live) return;
        this.apply(hosts);
        for (const b of early ?? []) this.apply(b);
        early = undefined;
      },
      () => {
        // no snapshot (the app is shutting down): the batches still tell what changes from now on
        if (!live) return;
        for (const b of early ?? []) this.apply(b);
        early = undefined;
      },
    );
  }
}

/** The app's one store (every window of the renderer has its own). */
export const hostStatusStore = new HostStatusStore();

/** One host's status; re-renders only when a batch carries that host. */
export function useHostStatus(hostId: string): HostStatus | undefined {
  return useSyncExternalStore(
    (l) => hostStatusStore.subscribe(hostId, l),
    () => hostStatusStore.get(hostId),
  );
}
