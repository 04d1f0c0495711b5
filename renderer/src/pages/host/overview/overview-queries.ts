// The Overview's long-operation reads (sensors): keyed without the operation id, so the host page's
// refresh and other tabs' invalidations reach them, and each fetch runs under a new id (a refetch that
// replaces a running one must not reuse the id still registered in main).
import { useQuery } from '@tanstack/react-query';
import { call, newOperationId, type BmcError } from '../../../bmc-client';
import type { CallResult } from '../../../../../shared/contract/index';

export function useSensorsForOverview(hostId: string) {
  return useQuery<CallResult<'sensors.list'>, BmcError>({
    queryKey: ['sensors.list', { hostId, thresholds: false }],
    queryFn: () => call('sensors.list', { hostId, operationId: newOperationId(), thresholds: false }),
  });
}
