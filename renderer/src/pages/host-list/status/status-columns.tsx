// The host list's status columns (power, health, last seen), to spread into its columns. While the
// list is shown, the renderer follows main's background polling (status-store.ts).
import { useEffect, useMemo } from 'react';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../../shared/contract/hosts';
import { hostStatusStore } from './status-store';
import { HealthCell, LastSeenCell, PowerCell } from './status-cells';

export function useStatusColumns(): TableColumnsType<HostSummary> {
  const { t, i18n } = useTranslation();
  useEffect(() => hostStatusStore.retain(), []);
  return useMemo(
    () => [
      {
        key: 'power',
        title: t('status.column.power'),
        width: 92,
        render: (_: unknown, h: HostSummary) => <PowerCell hostId={h.id} t={t} />,
      },
      {
        key: 'health',
        title: t('status.column.health'),
        width: 160,
        render: (_: unknown, h: HostSummary) => <HealthCell hostId={h.id} t={t} />,
      },
      {
        key: 'lastSeen',
        title: t('status.column.lastSeen'),
        width: 110,
        render: (_: unknown, h: HostSummary) => <LastSeenCell hostId={h.id} t={t} />,
      },
    ],
    // the titles follow the language; the cells re-render from the store
    [t, i18n.language],
  );
}
