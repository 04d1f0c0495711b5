// Background host status in the renderer, outside React state: one map by host id, one listener set
// per host. A 'hosts.status' batch notifies only the hosts in it, so with useSyncExternalStore per cell
// a batch re-renders the changed cells and nothing else (not the table, not the other rows).
// The feed starts with the first subscriber: subscribe to the event first, then fetch the snapshot,
// and apply batches that arrived meanwhile after it, so nothing is lost or applied out of order.
import { useSyncExternalStore } from 'react';
import { call, on } from '../../../bmc-client';
import type { HostStatus } from '../../../../../shared/contract/host-status';

type Listener = () => void;

/** React work per frame while waking cells (ms): a 1,000-host batch is spread over frames. */
const FRAME_BUDGET_MS = 8;

export class HostStatusStore {
  readonly #byId = new Map<string, HostStatus>();
  readonly #listeners = new Map<string, Set<Listener>>();
  /** cells to wake, in arrival order (a Set: a host changing twice before its turn wakes once) */
  readonly #queue = new Set<Listener>();
  #draining = false;
  /** cells woken per frame, adapted so one frame's rendering stays near FRAME_BUDGET_MS */
  #chunk = 200;
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

  /**
   * Takes a batch: stores each host's status and wakes that host's cells only. Waking is spread over
   * animation frames, a chunk per frame sized to the frame budget, so a batch of a thousand hosts
   * never blocks a frame for long; a cell rendered meanwhile for another reason already reads the
   * new status.
   */
  apply(batch: readonly HostStatus[]): void {
    for (const s of batch) {
      this.#byId.set(s.hostId, s);
      for (const l of this.#listeners.get(s.hostId) ?? []) this.#queue.add(l);
    }
    if (!this.#draining && this.#queue.size > 0) {
      this.#draining = true;
      nextFrame(() => this.#drain());
    }
  }

  #drain(): void {
    const t0 = performance.now();
    let n = 0;
    for (const l of this.#queue) {
      if (n++ >= this.#chunk) break;
      this.#queue.delete(l);
      l();
    }
    // React renders the woken cells in a microtask queued by the first wake-up; this one runs after it
    queueMicrotask(() => {
      const ms = performance.now() - t0;
      if (n >= this.#chunk || ms > FRAME_BUDGET_MS)
        this.#chunk = Math.max(
          20,
          Math.min(5000, Math.round((this.#chunk * FRAME_BUDGET_MS) / Math.max(ms, 1))),
        );
      if (this.#queue.size > 0) nextFrame(() => this.#drain());
      else this.#draining = false;
    });
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

/** The next animation frame; a hidden window has none, so there a task. */
function nextFrame(f: () => void): void {
  if (typeof document !== 'undefined' && !document.hidden) requestAnimationFrame(() => f());
  else setTimeout(f, 0);
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
