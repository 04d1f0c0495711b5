// The host list's status cells. Each reads its own host from the status store, so a batch from main
// re-renders only the cells of the hosts in it. Kept cheap (a thousand rows): `t` comes from the
// column (no i18n subscription per cell) and tooltips are mounted on first hover (lazy-tooltip.tsx).
import { memo } from 'react';
import { Badge, Tag } from 'antd';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useHostStatus } from './status-store';
import { useCoarseNow } from './clock-store';
import { healthText } from './health-text';
import { LazyTooltip } from './lazy-tooltip';

dayjs.extend(relativeTime);

// antd's preset green and orange tags reach only ~3:1 on their tinted backgrounds; these darker texts
// on the same tints meet WCAG AA (4.5:1)
const POWER_STYLE = {
  on: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  off: undefined,
  unknown: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
} as const;

interface CellProps {
  hostId: string;
  t: TFunction;
}

export const PowerCell = memo(function PowerCell({ hostId, t }: CellProps) {
  const power = useHostStatus(hostId)?.power ?? 'unknown';
  const label =
    power === 'on'
      ? t('status.power.on')
      : power === 'off'
        ? t('status.power.off')
        : t('status.power.unknown');
  return (
    <Tag style={POWER_STYLE[power]} data-testid="host-power" data-power={power}>
      {label}
    </Tag>
  );
});

export const HealthCell = memo(function HealthCell({ hostId, t }: CellProps) {
  const s = useHostStatus(hostId);
  const h = healthText(s, t);
  return (
    <LazyTooltip title={h.reason}>
      <span data-testid="host-health" data-health={s?.health ?? 'pending'} data-reason={h.reason}>
        <Badge status={h.badge} text={h.label} />
      </span>
    </LazyTooltip>
  );
});

export const LastSeenCell = memo(function LastSeenCell({ hostId, t }: CellProps) {
  const seen = useHostStatus(hostId)?.lastSeen;
  const now = useCoarseNow();
  if (seen === undefined)
    return (
      <span data-testid="host-last-seen" data-last-seen="">
        {t('status.never')}
      </span>
    );
  return (
    <LazyTooltip title={dayjs(seen).format('YYYY-MM-DD HH:mm:ss')}>
      <span data-testid="host-last-seen" data-last-seen={seen}>
        {dayjs(seen).from(Math.max(now, seen))}
      </span>
    </LazyTooltip>
  );
});
