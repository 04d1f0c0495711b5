// The host's whole SEL as one query (key ['sel.list', { hostId }], so the host page's Refresh and the
// clear's invalidation reach it), with the read's progress (events streamed one by one) and a cancel.
import { useRef, useState } from 'react';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { BmcError, call, newOperationId, on } from '../../../bmc-client';
import { bmcKey } from '../../../query/use-bmc';
import type { SelPage } from '../../../../../shared/domain/sel';

export interface ReadProgress {
  done: number;
  total: number;
}

export const selListKey = (hostId: string): QueryKey => bmcKey('sel.list', { hostId });

export function useSelEvents(hostId: string) {
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const running = useRef<string | null>(null);
  const query = useQuery<SelPage, BmcError, SelPage, QueryKey>({
    queryKey: selListKey(hostId),
    queryFn: async () => {
      const operationId = newOperationId();
      running.current = operationId;
      // no state set here: this runs inside the Reload click, whose spinner must not wait for the tab
      // subscribed before the call starts, so no event of this read is missed
      const off = on('operation.progress', (p) => {
        if (p.operationId === operationId) setProgress({ done: p.done, total: p.total });
      });
      try {
        return await call('sel.list', { hostId, operationId });
      } finally {
        off();
        running.current = null;
        setProgress(null);
      }
    },
  });
  const cancel = () => {
    const operationId = running.current;
    if (operationId) void call('operations.cancel', { operationId });
  };
  return { query, progress, cancel };
}
