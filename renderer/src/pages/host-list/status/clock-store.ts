// A coarse clock for relative times ("2 minutes ago"): one timer for every last-seen cell, ticking
// every 15 s only while some cell shows one. Cells read it with useSyncExternalStore.
import { useSyncExternalStore } from 'react';

const TICK_MS = 15_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(l: () => void): () => void {
  listeners.add(l);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const x of listeners) x();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(l);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useCoarseNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
