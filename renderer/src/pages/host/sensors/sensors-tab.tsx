// Sensors tab: every sensor of the host grouped by type (count and worst status per group), read again
// on a chosen interval or on demand; a sensor's drawer holds its history chart and threshold form.
import { useMemo, useState } from 'react';
import { Alert, Button, Collapse, Empty, Progress, Select, Space, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { SensorViewData } from '../../../../../shared/domain/sensor';
import { errorText } from '../../../i18n/error-text';
import type { HostTabProps } from '../tabs';
import { useSensorList } from './use-sensor-list';
import { groupByType } from './sensor-groups';
import { INTERVALS, typeName } from './sensor-labels';
import { SensorTable } from './sensor-table';
import { SensorDrawer } from './sensor-drawer';
import { SEVERITY_STATUS, StatusTag } from './status-tag';

const INTERVAL_KEY = 'bmcdesk.sensors.interval';

function savedInterval(): number {
  const n = Number(localStorage.getItem(INTERVAL_KEY));
  return INTERVALS.some((x) => x.seconds === n) ? n : 0;
}

export function SensorsTab({ host }: HostTabProps) {
  const { t } = useTranslation();
  const [interval, setIntervalSeconds] = useState(savedInterval);
  const [openId, setOpenId] = useState<number | null>(null);
  const q = useSensorList(host.id, interval);
  const groups = useMemo(() => groupByType(q.data?.sensors ?? []), [q.data]);
  // the drawer follows the latest read of the sensor it shows
  const open: SensorViewData | null = q.data?.sensors.find((s) => s.recordId === openId) ?? null;

  const toolbar = (
    <Space wrap align="center" style={{ marginBottom: 12 }}>
      <label htmlFor="sensors-interval">{t('sensors.interval.label')}</label>
      <Select<number>
        id="sensors-interval"
        data-testid="sensors-interval"
        value={interval}
        style={{ width: 150 }}
        onChange={(v) => {
          localStorage.setItem(INTERVAL_KEY, String(v));
          setIntervalSeconds(v);
        }}
        options={INTERVALS.map((x) => ({ value: x.seconds, label: t(x.label) }))}
      />
      <Button
        icon={<ReloadOutlined />}
        loading={q.isFetching}
        data-testid="sensors-refresh"
        onClick={() => void q.refetch()}
      >
        {t('sensors.refresh')}
      </Button>
      {q.data && (
        <Typography.Text data-testid="sensors-read-at" data-at={q.dataUpdatedAt}>
          {t('sensors.summary', { count: q.data.sensors.length })} ·{' '}
          {t('sensors.readAt', { time: dayjs(q.dataUpdatedAt).format('HH:mm:ss') })}
        </Typography.Text>
      )}
    </Space>
  );

  let body;
  if (q.error && !q.data)
    body = (
      <Alert
        type="error"
        showIcon
        data-testid="host-error"
        title={errorText(q.error.data, t('sensors.op.list'))}
      />
    );
  else if (!q.data) {
    const p = q.progress;
    body = (
      <div data-testid="sensors-loading" aria-live="polite">
        <Typography.Paragraph>
          {p
            ? t(p.phase === 'sdr' ? 'sensors.progress.sdr' : 'sensors.progress.readings', {
                done: p.done,
                total: p.total,
              })
            : t('sensors.loading')}
        </Typography.Paragraph>
        <Progress
          percent={p && p.total > 0 ? Math.round((100 * p.done) / p.total) : 0}
          status="active"
          aria-label={t('sensors.loading')}
        />
      </div>
    );
  } else if (q.data.sensors.length === 0) body = <Empty description={t('sensors.empty')} />;
  else
    body = (
      <>
        {q.error && (
          <Alert
            type="warning"
            showIcon
            data-testid="sensors-refresh-error"
            title={errorText(q.error.data, t('sensors.op.list'))}
          />
        )}
        <Collapse
          data-testid="sensor-groups"
          defaultActiveKey={groups.map((g) => String(g.code))}
          items={groups.map((g) => ({
            key: String(g.code),
            label: (
              <Space data-testid="sensor-group" data-type={g.code} data-count={g.sensors.length}>
                <Typography.Text strong>{typeName(t, g.code, g.name)}</Typography.Text>
                <Tag>{t('sensors.group.count', { count: g.sensors.length })}</Tag>
                <span title={t('sensors.group.worst')}>
                  <StatusTag status={SEVERITY_STATUS[g.worst]} severity={g.worst} testId="group-status" />
                </span>
              </Space>
            ),
            children: <SensorTable sensors={g.sensors} onOpen={(s) => setOpenId(s.recordId)} />,
          }))}
        />
      </>
    );

  return (
    <section className="sensors-tab" data-testid="sensors-tab" aria-label={t('sensors.title')}>
      {toolbar}
      {body}
      <SensorDrawer hostId={host.id} hostName={host.name} sensor={open} onClose={() => setOpenId(null)} />
    </section>
  );
}
