// Another window or an import changed the host list: refetch it.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { on } from '../../bmc-client';

export function useHostsChanged(): void {
  const qc = useQueryClient();
  useEffect(() => on('hosts.changed', () => void qc.invalidateQueries({ queryKey: ['hosts.list'] })), [qc]);
}
