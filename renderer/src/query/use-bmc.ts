// IPC calls as TanStack queries and mutations: the key is [call name, input], so invalidating
// ['sensors.list', { hostId }] refreshes that host's sensor list and nothing else.
import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { CallInput, CallName, CallResult } from '../../../shared/contract/index';
import { BmcError, call } from '../bmc-client';

export function bmcKey<C extends CallName>(name: C, input?: Partial<CallInput<C>>): QueryKey {
  return input === undefined ? [name] : [name, input];
}

type QueryOpts<C extends CallName> = Omit<
  UseQueryOptions<CallResult<C>, BmcError, CallResult<C>, QueryKey>,
  'queryKey' | 'queryFn'
>;

/** A read through IPC, cached under [name, input]. */
export function useBmcQuery<C extends CallName>(name: C, input: CallInput<C>, opts: QueryOpts<C> = {}) {
  return useQuery<CallResult<C>, BmcError, CallResult<C>, QueryKey>({
    queryKey: bmcKey(name, input),
    queryFn: () => call(name, input),
    ...opts,
  });
}

/**
 * A write through IPC. `invalidates` names the reads whose cached answers the write makes stale; they
 * are refetched after it settles (success or failure: a failed write may still have changed something).
 */
export function useBmcMutation<C extends CallName>(
  name: C,
  opts: { invalidates?: (input: CallInput<C>) => QueryKey[] } = {},
) {
  const qc = useQueryClient();
  return useMutation<CallResult<C>, BmcError, CallInput<C>>({
    mutationFn: (input) => call(name, input),
    onSettled: async (_r, _e, input) => {
      await Promise.all((opts.invalidates?.(input) ?? []).map((k) => qc.invalidateQueries({ queryKey: k })));
    },
  });
}
