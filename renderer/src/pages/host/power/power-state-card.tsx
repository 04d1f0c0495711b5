// Power state as the BMC reports it (Get Chassis Status, restart cause, power-on hours) and the power
// actions. Restart cause and power-on hours are optional commands: a BMC without them shows "not
// reported" rather than an error.
import { Alert, Card, Descriptions, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../../shared/contract/hosts';
import type { ChassisStatus } from '../../../../../shared/domain/chassis';
import { useBmcQuery } from '../../../query/use-bmc';
import { errorText } from '../../../i18n/error-text';
import { CAUSE_LABEL, FAULT_LABEL, LAST_EVENT_LABEL } from './power-labels';
import { notSupported, onHost } from './write-error';
import { PowerActions } from './power-actions';

function faults(s: ChassisStatus): (keyof typeof FAULT_LABEL)[] {
  return (Object.keys(FAULT_LABEL) as (keyof typeof FAULT_LABEL)[]).filter((k) => s[k]);
}

export function PowerStateCard({ host }: { host: HostSummary }) {
  const { t, i18n } = useTranslation();
  const hostId = host.id;
  const status = useBmcQuery('chassis.status', { hostId });
  const cause = useBmcQuery('chassis.restartCause', { hostId });
  const poh = useBmcQuery('chassis.powerOnHours', { hostId });
  const s = status.data;
  const none = t('power.none');

  const optional = (
    q: { error: { data: Parameters<typeof errorText>[0] } | null; isPending: boolean },
    op: string,
    value: () => string,
  ) => {
    if (q.error)
      return notSupported(q.error.data)
        ? t('power.notReported')
        : errorText(onHost(q.error.data, host.name), op);
    return q.isPending ? <Spin size="small" /> : value();
  };

  return (
    <Card title={t('power.state.title')} size="small" data-testid="power-state-card">
      {status.error && (
        <Alert
          type="error"
          showIcon
          data-testid="chassis-status-error"
          title={errorText(onHost(status.error.data, host.name), t('power.op.status'))}
        />
      )}
      {!s && !status.error && <Spin data-testid="power-loading" />}
      {s && (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            {
              key: 'power',
              label: t('power.state.power'),
              children: (
                <Tag
                  color={s.power === 'on' ? 'green' : 'default'}
                  data-testid="chassis-power"
                  data-power={s.power}
                >
                  {s.power === 'on' ? t('host.power.on') : t('host.power.off')}
                </Tag>
              ),
            },
            {
              key: 'event',
              label: t('power.state.lastEvent'),
              children: (
                <span data-testid="last-power-event">
                  {s.lastPowerEvent.length === 0
                    ? none
                    : s.lastPowerEvent.map((e) => t(LAST_EVENT_LABEL[e])).join(', ')}
                </span>
              ),
            },
            {
              key: 'faults',
              label: t('power.state.faults'),
              children: (
                <span data-testid="chassis-faults">
                  {faults(s).length === 0
                    ? none
                    : faults(s)
                        .map((k) => t(FAULT_LABEL[k]))
                        .join(', ')}
                </span>
              ),
            },
            {
              key: 'cause',
              label: t('power.state.restartCause'),
              children: (
                <span data-testid="restart-cause">
                  {optional(cause, t('power.op.restartCause'), () =>
                    t(CAUSE_LABEL[cause.data!.cause], { code: cause.data!.code }),
                  )}
                </span>
              ),
            },
            {
              key: 'poh',
              label: t('power.state.powerOnHours'),
              children: (
                <span data-testid="power-on-hours">
                  {optional(poh, t('power.op.powerOnHours'), () =>
                    t('power.state.hours', {
                      hours: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(
                        poh.data!.minutes / 60,
                      ),
                    }),
                  )}
                </span>
              ),
            },
          ]}
        />
      )}
      <PowerActions host={host} />
    </Card>
  );
}
