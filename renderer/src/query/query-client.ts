// One cache of BMC state for the whole window. The IPMI stack already retransmits and its errors are
// final (wrong password, refused command), so queries do not retry; a page refreshes on purpose.
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}
