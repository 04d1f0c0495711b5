// Readings of every sensor seen while the app runs, keyed by host and sensor: a module-level store, so
// the history survives leaving the tab, closing the drawer and re-rendering. Components read it through
// useSensorHistory (useSyncExternalStore); the list query appends one point per sensor per read.
import { useSyncExternalStore } from 'react';
import type { SensorViewData } from '../../../../../shared/domain/sensor';

export interface HistoryPoint {
  /** ms since the epoch, when the read completed */
  at: number;
  value: number;
}

/** An hour at 5 s, a day at 2 min: enough for a glance, bounded for a long-running app. */
export const MAX_POINTS = 720;

const store = new Map<string, readonly HistoryPoint[]>();
const listeners = new Set<() => void>();
const EMPTY: readonly HistoryPoint[] = [];

/** record ids can be renumbered when the SDR changes; with the name a renumbered sensor starts afresh */
export function historyKey(hostId: string, s: Pick<SensorViewData, 'recordId' | 'name'>): string {
  return `${hostId}\u0000${s.recordId}\u0000${s.name}`;
}

/** Appends the readings of one list (sensors without a usable number are skipped). */
export function recordReadings(hostId: string, sensors: readonly SensorViewData[], at = Date.now()): void {
  for (const s of sensors) {
    if (!s.available || typeof s.value !== 'number') continue;
    const key = historyKey(hostId, s);
    const prev = store.get(key) ?? EMPTY;
    const next = [...prev, { at, value: s.value }];
    store.set(key, next.length > MAX_POINTS ? next.slice(next.length - MAX_POINTS) : next);
  }
  for (const l of listeners) l();
}

export function sensorHistory(key: string): readonly HistoryPoint[] {
  return store.get(key) ?? EMPTY;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSensorHistory(key: string): readonly HistoryPoint[] {
  return useSyncExternalStore(subscribe, () => sensorHistory(key));
}
