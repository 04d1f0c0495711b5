// The host's sensor list as one TanStack query under ['sensors.list', { hostId }] (the host page's
// Refresh finds it by host id). Each read gets its own operation id, so its progress can be shown, and
// appends its readings to the module-level history, once per completed read.
import { useState } from 'react';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { CallResult } from '../../../../../shared/contract/index';
import { BmcError, call, newOperationId, on } from '../../../bmc-client';
import { bmcKey } from '../../../query/use-bmc';
import { recordReadings } from './sensor-history';

export type SensorList = CallResult<'sensors.list'>;

export interface ListProgress {
  phase: 'sdr' | 'readings';
  done: number;
  total: number;
}

export function sensorListKey(hostId: string): QueryKey {
  return bmcKey('sensors.list', { hostId });
}

export function useSensorList(hostId: string, intervalSeconds: number) {
  const [progress, setProgress] = useState<ListProgress | null>(null);
  const qc = useQueryClient();
  const key = sensorListKey(hostId);
  const query = useQuery<SensorList, BmcError, SensorList, QueryKey>({
    queryKey: key,
    queryFn: async () => {
      const operationId = newOperationId();
      // progress is shown only until the first list is in; later reads keep the table and its spinner
      const first = qc.getQueryData(key) === undefined;
      // subscribed before the call, so the first progress event is not missed
      const off = on('operation.progress', (p) => {
        if (!first || p.operationId !== operationId) return;
        const item = p.item as { phase?: 'sdr' | 'readings' } | undefined;
        setProgress({ phase: item?.phase ?? 'readings', done: p.done, total: p.total });
      });
      try {
        const r = await call('sensors.list', { hostId, operationId });
        recordReadings(hostId, r.sensors);
        return r;
      } finally {
        off();
        if (first) setProgress(null);
      }
    },
    refetchInterval: intervalSeconds > 0 ? intervalSeconds * 1000 : false,
    // readings change by themselves: a visit to the tab reads them again
    staleTime: 0,
  });
  return { ...query, progress };
}
