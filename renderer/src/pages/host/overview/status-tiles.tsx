// The Overview's top row: power, power-on time, last restart cause, sensors out of range. One call each,
// each in its own tile so one failing BMC command does not hide the others.
import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBmcQuery } from '../../../query/use-bmc';
import type { HostTabProps } from '../tabs';
import { QueryState } from './query-state';
import { ON_TAG } from './tag-colors';
import { useSensorsForOverview } from './overview-queries';
import { outOfRange } from './out-of-range';

function Tile({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} data-testid={testId} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

// the tile's value, a size up from body text (layout only; colours stay the theme's)
const big = (node: ReactNode) => <div style={{ fontSize: 20, lineHeight: 1.4 }}>{node}</div>;

export function PowerTile({ host }: HostTabProps) {
  const { t } = useTranslation();
  const q = useBmcQuery('power.status', { hostId: host.id });
  return (
    <Tile title={t('overview.tile.power')} testId="tile-power">
      <QueryState q={q} operation={t('overview.op.powerStatus')} errorTestId="power-error">
        {({ power }) =>
          big(
            <Typography.Text
              strong
              style={{ fontSize: 'inherit', color: power === 'on' ? ON_TAG : undefined }}
              data-testid="overview-power"
              data-power={power}
            >
              {power === 'on' ? t('host.power.on') : t('host.power.off')}
            </Typography.Text>,
          )
        }
      </QueryState>
    </Tile>
  );
}

export function PowerOnHoursTile({ host }: HostTabProps) {
  const { t, i18n } = useTranslation();
  const q = useBmcQuery('chassis.powerOnHours', { hostId: host.id });
  const n = new Intl.NumberFormat(i18n.language);
  return (
    <Tile title={t('overview.tile.poh')} testId="tile-poh">
      <QueryState q={q} operation={t('overview.op.poh')} errorTestId="poh-error">
        {(p) => {
          const hours = Math.floor(p.minutes / 60);
          return (
            <>
              {big(
                <span data-testid="poh" data-minutes={p.minutes}>
                  {t('overview.poh.value', { days: n.format(Math.floor(hours / 24)), hours: hours % 24 })}
                </span>,
              )}
              <Typography.Text type="secondary">
                {t('overview.poh.total', { hours: n.format(hours) })}
              </Typography.Text>
            </>
          );
        }}
      </QueryState>
    </Tile>
  );
}

export function RestartCauseTile({ host }: HostTabProps) {
  const { t } = useTranslation();
  const q = useBmcQuery('chassis.restartCause', { hostId: host.id });
  return (
    <Tile title={t('overview.tile.restartCause')} testId="tile-restart-cause">
      <QueryState q={q} operation={t('overview.op.restartCause')} errorTestId="restart-cause-error">
        {(c) => (
          <>
            {big(
              <span data-testid="restart-cause" data-cause={c.cause} data-code={c.code}>
                {t(`overview.restart.${c.cause}`, { code: c.code })}
              </span>,
            )}
            {c.channel !== undefined && (
              <Typography.Text type="secondary">
                {t('overview.restart.channel', { channel: c.channel })}
              </Typography.Text>
            )}
          </>
        )}
      </QueryState>
    </Tile>
  );
}

export function OutOfRangeTile({ host }: HostTabProps) {
  const { t, i18n } = useTranslation();
  const q = useSensorsForOverview(host.id);
  const n = new Intl.NumberFormat(i18n.language);
  return (
    <Tile title={t('overview.tile.outOfRange')} testId="tile-out-of-range">
      <QueryState q={q} operation={t('overview.op.sensors')} errorTestId="sensors-error">
        {({ sensors }) => {
          const bad = outOfRange(sensors);
          return (
            <>
              {big(
                <Typography.Text
                  strong
                  type={bad.length > 0 ? 'danger' : undefined}
                  style={{ fontSize: 'inherit' }}
                  data-testid="out-of-range-count"
                >
                  {n.format(bad.length)}
                </Typography.Text>,
              )}
              <Typography.Text type="secondary">
                {t('overview.sensors.of', { total: n.format(sensors.length) })}
              </Typography.Text>{' '}
              <Link to={`/hosts/${host.id}/sensors`} data-testid="open-sensors">
                {t('overview.sensors.open')}
              </Link>
            </>
          );
        }}
      </QueryState>
    </Tile>
  );
}
