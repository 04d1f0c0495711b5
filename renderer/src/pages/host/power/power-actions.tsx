// The power buttons. Each is confirmed in a dialog naming the host and what will happen; the ones that
// cut a running OS off are confirmed as dangerous. The pressed button spins at once and the result
// comes back as a message; a refusal stays in view under the buttons until the next action.
import { Alert, App, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../../shared/contract/hosts';
import { useBmcMutation } from '../../../query/use-bmc';
import {
  ACTION_CONSEQUENCE,
  ACTION_LABEL,
  DESTRUCTIVE,
  POWER_ACTIONS,
  type PowerAction,
} from './power-labels';
import { onHost, writeErrorText } from './write-error';

export function PowerActions({ host }: { host: HostSummary }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const control = useBmcMutation('chassis.control', {
    invalidates: ({ hostId }) => [
      ['power.status', { hostId }],
      ['chassis.status', { hostId }],
      ['chassis.restartCause', { hostId }],
    ],
  });
  const pending = control.isPending ? control.variables?.action : undefined;

  const run = (action: PowerAction) => {
    const label = t(ACTION_LABEL[action]);
    control.mutate(
      { hostId: host.id, action },
      { onSuccess: () => void message.success(t('power.done', { host: host.name, action: label })) },
    );
  };

  const confirm = (action: PowerAction) => {
    const label = t(ACTION_LABEL[action]);
    const danger = DESTRUCTIVE.has(action);
    modal.confirm({
      title: t('power.confirm.title', { action: label, host: host.name }),
      content: (
        <div data-testid="power-confirm">
          <Typography.Paragraph>{t(ACTION_CONSEQUENCE[action])}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('power.confirm.host', { name: host.name, address: `${host.address}:${host.port}` })}
          </Typography.Text>
        </div>
      ),
      okText: label,
      okButtonProps: { danger },
      cancelText: t('power.confirm.cancel'),
      type: danger ? 'warning' : 'confirm',
      onOk: () => run(action),
    });
  };

  return (
    <div className="power-actions">
      <Typography.Title level={3} className="power-subtitle">
        {t('power.action.title')}
      </Typography.Title>
      <Space wrap>
        {POWER_ACTIONS.map((a) => (
          <Button
            autoInsertSpace={false}
            key={a}
            data-testid={`power-${a}`}
            danger={DESTRUCTIVE.has(a)}
            type={a === 'on' ? 'primary' : 'default'}
            loading={pending === a}
            disabled={control.isPending && pending !== a}
            onClick={() => confirm(a)}
          >
            {t(ACTION_LABEL[a])}
          </Button>
        ))}
      </Space>
      {control.error && (
        <Alert
          className="power-error"
          type="error"
          showIcon
          data-testid="power-error"
          title={writeErrorText(
            t,
            onHost(control.error.data, host.name),
            t(ACTION_LABEL[(control.variables?.action ?? 'on') as PowerAction]),
          )}
        />
      )}
    </div>
  );
}
