// Identify LED: on for N seconds, on until turned off, or off. The state shown is Get Chassis Status's
// identify field, which many BMCs (ipmi_sim among them) leave out: then "not reported" is the truth.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../../shared/contract/hosts';
import { useBmcMutation, useBmcQuery } from '../../../query/use-bmc';
import { IDENTIFY_STATE_LABEL } from './power-labels';
import { onHost, writeErrorText } from './write-error';

type IdentifyKind = 'interval' | 'force' | 'off';

export function IdentifyCard({ host }: { host: HostSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const hostId = host.id;
  const [seconds, setSeconds] = useState(15);
  const [kind, setKind] = useState<IdentifyKind>('interval');
  const status = useBmcQuery('chassis.status', { hostId });
  const identify = useBmcMutation('chassis.identify', {
    invalidates: () => [['chassis.status', { hostId }]],
  });

  const run = (k: IdentifyKind) => {
    setKind(k);
    const input = k === 'force' ? { hostId, force: true } : { hostId, seconds: k === 'off' ? 0 : seconds };
    identify.mutate(input, {
      onSuccess: (r) =>
        void message.success(
          r.identify === 'interval'
            ? t('power.identify.done.interval', { host: host.name, seconds: input.seconds })
            : r.identify === 'indefinite'
              ? t('power.identify.done.indefinite', { host: host.name })
              : r.identify === 'off'
                ? t('power.identify.done.off', { host: host.name })
                : t('power.identify.done.default', { host: host.name }),
        ),
    });
  };
  const busy = (k: IdentifyKind) => identify.isPending && kind === k;

  return (
    <Card title={t('power.identify.title')} size="small" data-testid="identify-card">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'state',
            label: t('power.identify.state'),
            children: (
              <span data-testid="identify-state" data-identify={status.data?.identify ?? ''}>
                {status.data ? t(IDENTIFY_STATE_LABEL[status.data.identify]) : '…'}
              </span>
            ),
          },
        ]}
      />
      <Space wrap className="power-row">
        <label htmlFor={`identify-seconds-${hostId}`}>{t('power.identify.seconds')}</label>
        <InputNumber
          id={`identify-seconds-${hostId}`}
          data-testid="identify-seconds"
          min={1}
          max={255}
          precision={0}
          value={seconds}
          onChange={(v) => setSeconds(v ?? 15)}
          suffix={t('power.identify.unit')}
          style={{ width: 90 }}
        />
        <Button
          autoInsertSpace={false}
          type="primary"
          data-testid="identify-start"
          loading={busy('interval')}
          disabled={identify.isPending && !busy('interval')}
          onClick={() => run('interval')}
        >
          {t('power.identify.start', { seconds })}
        </Button>
        <Button
          autoInsertSpace={false}
          data-testid="identify-force"
          loading={busy('force')}
          disabled={identify.isPending && !busy('force')}
          onClick={() => run('force')}
        >
          {t('power.identify.force')}
        </Button>
        <Button
          autoInsertSpace={false}
          data-testid="identify-off"
          loading={busy('off')}
          disabled={identify.isPending && !busy('off')}
          onClick={() => run('off')}
        >
          {t('power.identify.off')}
        </Button>
      </Space>
      {identify.error && (
        <Alert
          type="error"
          showIcon
          data-testid="identify-error"
          title={writeErrorText(t, onHost(identify.error.data, host.name), t('power.op.identify'))}
        />
      )}
    </Card>
  );
}
