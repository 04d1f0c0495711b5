// The sensors beyond a threshold, each linking to the Sensors tab where its thresholds can be read and
// changed; when none is, say so (with how many give no reading, so "all in range" is not overstated).
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SensorViewData } from '../../../../../shared/domain/sensor';
import type { HostTabProps } from '../tabs';
import { QueryState } from './query-state';
import { useSensorsForOverview } from './overview-queries';
import { outOfRange } from './out-of-range';
import { ERROR_TAG, WARNING_TAG } from './tag-colors';

const SEVERITY = {
  nc: { label: 'overview.severity.warning', color: WARNING_TAG },
  cr: { label: 'overview.severity.critical', color: ERROR_TAG },
  nr: { label: 'overview.severity.non-recoverable', color: ERROR_TAG },
} as const;

export function OutOfRangeCard({ host }: HostTabProps) {
  const { t, i18n } = useTranslation();
  const q = useSensorsForOverview(host.id);
  const n = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  const reading = (s: SensorViewData) =>
    s.value === undefined ? '' : `${typeof s.value === 'number' ? n.format(s.value) : s.value} ${s.units}`;
  return (
    <Card title={t('overview.card.outOfRange')} size="small" data-testid="card-out-of-range">
      <QueryState q={q} operation={t('overview.op.sensors')} errorTestId="sensors-list-error">
        {({ sensors }) => {
          const bad = outOfRange(sensors);
          const silent = sensors.filter((s) => s.status === 'ns').length;
          if (bad.length === 0)
            return (
              <Typography.Paragraph data-testid="all-in-range">
                {t('overview.sensors.allOk', { total: n.format(sensors.length - silent) })}{' '}
                {silent > 0 && t('overview.sensors.noReading', { count: n.format(silent) })}
              </Typography.Paragraph>
            );
          return (
            <Table<SensorViewData>
              size="small"
              pagination={false}
              rowKey="recordId"
              dataSource={bad}
              onRow={(s) => ({ 'data-testid': 'out-of-range-row', 'data-name': s.name }) as object}
              columns={[
                {
                  key: 'name',
                  title: t('overview.sensors.name'),
                  render: (_, s) => <Link to={`/hosts/${host.id}/sensors`}>{s.name}</Link>,
                },
                { key: 'reading', title: t('overview.sensors.reading'), render: (_, s) => reading(s) },
                {
                  key: 'status',
                  title: t('overview.sensors.status'),
                  render: (_, s) => {
                    const sev = SEVERITY[s.status as keyof typeof SEVERITY];
                    return (
                      <Tag color={sev.color} data-status={s.status}>
                        {t(sev.label)}
                      </Tag>
                    );
                  },
                },
              ]}
            />
          );
        }}
      </QueryState>
    </Card>
  );
}
