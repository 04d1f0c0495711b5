// fru.read as a query with its progress: a new operation id per fetch, subscribed before the call, so
// the tab can say "read 1 of 3 devices" while a slow BMC answers. The key leaves the id out, so the host
// page's refresh (and any ['fru.read', { hostId }] invalidation) reaches it.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call, newOperationId, on, type BmcError } from '../../../bmc-client';
import type { CallResult } from '../../../../../shared/contract/index';

export interface FruProgress {
  done: number;
  total: number;
}

export function useFruRead(hostId: string) {
  const [progress, setProgress] = useState<FruProgress | undefined>();
  const q = useQuery<CallResult<'fru.read'>, BmcError>({
    queryKey: ['fru.read', { hostId }],
    queryFn: async () => {
      const operationId = newOperationId();
      setProgress(undefined);
      const off = on('operation.progress', (p) => {
        if (p.operationId === operationId) setProgress({ done: p.done, total: p.total });
      });
      try {
        return await call('fru.read', { hostId, operationId });
      } finally {
        off();
      }
    },
  });
  return { ...q, progress };
}
