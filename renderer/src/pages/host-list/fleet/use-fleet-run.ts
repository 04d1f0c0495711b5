// One fleet run at a time: subscribe to the operation's progress, start the call, collect one outcome
// per host, cancel on request. Progress items are buffered and applied at most every FLUSH_MS, so a run
// over thousands of hosts re-renders a few times a second rather than once per host (the window stays
// responsive); the call's final result then replaces them (it is the authority on who was reached).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ErrorData } from '../../../../../shared/errors';
import { call, errorData, newOperationId, on } from '../../../bmc-client';
import { runFleetRequest, staleReads, type FleetAction, type FleetRequest } from './fleet-action';

const FLUSH_MS = 50;

/** What a run needs of a host: its id for the call, its name for the results. */
export interface HostRef {
  id: string;
  name: string;
}

export type HostStatus = 'pending' | 'ok' | 'failed' | 'not-reached';
export interface HostRow {
  hostId: string;
  name: string;
  status: HostStatus;
  error?: ErrorData | undefined;
}
interface Item {
  hostId: string;
  ok: boolean;
  error?: ErrorData | undefined;
}

export interface FleetRun {
  action: FleetAction;
  request: FleetRequest;
  operationId: string;
  phase: 'running' | 'done';
  rows: HostRow[];
  done: number;
  total: number;
  cancelling: boolean;
  cancelled: boolean;
  /** the call itself failed (nothing per host) */
  error?: ErrorData | undefined;
  /** the cancel request failed */
  cancelError?: ErrorData | undefined;
}

function applyItems(rows: HostRow[], items: readonly Item[]): HostRow[] {
  const byId = new Map(items.map((i) => [i.hostId, i]));
  return rows.map((r) => {
    const i = byId.get(r.hostId);
    return i ? { ...r, status: i.ok ? 'ok' : 'failed', error: i.error } : r;
  });
}

export function useFleetRun() {
  const qc = useQueryClient();
  const [run, setRun] = useState<FleetRun | null>(null);
  const current = useRef<string | null>(null);
  const unsubscribes = useRef(new Set<() => void>());
  useEffect(() => {
    const subs = unsubscribes.current;
    return () => subs.forEach((u) => u());
  }, []);

  const start = useCallback(
    async (action: FleetAction, request: FleetRequest, hosts: readonly HostRef[]) => {
      const operationId = newOperationId();
      current.current = operationId;
      const update = (f: (r: FleetRun) => FleetRun) =>
        setRun((r) => (r && r.operationId === operationId ? f(r) : r));
      setRun({
        action,
        request,
        operationId,
        phase: 'running',
        rows: hosts.map((h) => ({ hostId: h.id, name: h.name, status: 'pending' })),
        done: 0,
        total: hosts.length,
        cancelling: false,
        cancelled: false,
      });
      let buffer: Item[] = [];
      let done = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flush = () => {
        timer = undefined;
        const items = buffer;
        buffer = [];
        const d = done;
        update((r) => ({ ...r, done: d, rows: applyItems(r.rows, items) }));
      };
      // subscribed before the call starts, so the first host's progress is not missed
      const unsubscribe = on('operation.progress', (p) => {
        if (p.operationId !== operationId) return;
        buffer.push(p.item as Item);
        done = p.done;
        timer ??= setTimeout(flush, FLUSH_MS);
      });
      unsubscribes.current.add(unsubscribe);
      try {
        const result = await runFleetRequest(
          request,
          hosts.map((h) => h.id),
          operationId,
        );
        const reached = new Set(result.results.map((i) => i.hostId));
        update((r) => ({
          ...r,
          phase: 'done',
          cancelling: false,
          cancelled: result.cancelled,
          done: result.results.length,
          rows: applyItems(r.rows, result.results).map((row) =>
            reached.has(row.hostId) ? row : { ...row, status: 'not-reached', error: undefined },
          ),
        }));
      } catch (e) {
        update((r) => ({ ...r, phase: 'done', cancelling: false, error: errorData(e) }));
      } finally {
        if (timer) clearTimeout(timer);
        unsubscribe();
        unsubscribes.current.delete(unsubscribe);
        await Promise.all(staleReads(request).map((k) => qc.invalidateQueries({ queryKey: [k] })));
      }
    },
    [qc],
  );

  const cancel = useCallback(async () => {
    const operationId = current.current;
    if (!operationId) return;
    setRun((r) => (r && r.operationId === operationId ? { ...r, cancelling: true } : r));
    try {
      await call('operations.cancel', { operationId });
    } catch (e) {
      const cancelError = errorData(e);
      setRun((r) => (r && r.operationId === operationId ? { ...r, cancelling: false, cancelError } : r));
    }
  }, []);

  const close = useCallback(() => {
    current.current = null;
    setRun(null);
  }, []);

  return { run, start, cancel, close };
}
