// Power-restore policy: the one in effect (as the BMC reads it back), and a choice to change it. The
// radio shows the BMC's value until the operator picks another; after a write it shows the read-back
// again. A BMC that cannot list its supported policies (0xC1 on the "no change" query) still reports
// the current one in Get Chassis Status, so the tab falls back to that.
import { useState } from 'react';
import { Alert, App, Button, Card, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../../shared/contract/hosts';
import { useBmcMutation, useBmcQuery } from '../../../query/use-bmc';
import { errorText } from '../../../i18n/error-text';
import {
  POLICY_LABEL,
  POLICY_SUPPORT_FIELD,
  SETTABLE_POLICIES,
  type Policy,
  type SettablePolicy,
} from './power-labels';
import { notSupported, onHost, writeErrorText } from './write-error';

export function PolicyCard({ host }: { host: HostSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const hostId = host.id;
  const policy = useBmcQuery('chassis.policy.get', { hostId });
  const noList = notSupported(policy.error?.data);
  const status = useBmcQuery('chassis.status', { hostId }, { enabled: noList });
  const set = useBmcMutation('chassis.policy.set', {
    invalidates: () => [
      ['chassis.policy.get', { hostId }],
      ['chassis.status', { hostId }],
    ],
  });
  const [picked, setPicked] = useState<SettablePolicy | undefined>();

  const current: Policy | undefined =
    policy.data?.current ?? (noList ? status.data?.powerRestorePolicy : undefined);
  const supported = policy.data?.supported;
  const shown = picked ?? (current !== 'unknown' ? current : undefined);

  const apply = () => {
    if (!picked) return;
    set.mutate(
      { hostId, policy: picked },
      {
        onSuccess: (r) => {
          setPicked(undefined);
          void message.success(
            t('power.policy.done', { host: host.name, policy: t(POLICY_LABEL[r.current]) }),
          );
        },
      },
    );
  };

  return (
    <Card title={t('power.policy.title')} size="small" data-testid="policy-card">
      <Typography.Paragraph className="power-help">{t('power.policy.help')}</Typography.Paragraph>
      {policy.error && !noList && (
        <Alert
          className="power-note"
          type="error"
          showIcon
          data-testid="policy-read-error"
          title={errorText(onHost(policy.error.data, host.name), t('power.op.policyRead'))}
        />
      )}
      {noList && (
        <Alert
          className="power-note"
          type="info"
          showIcon
          data-testid="policy-no-list"
          title={t('power.policy.noList')}
        />
      )}
      <Space className="power-row" wrap>
        <span>{t('power.policy.current')}</span>
        {current ? (
          <Tag color="blue" data-testid="policy-current" data-policy={current}>
            {t(POLICY_LABEL[current])}
          </Tag>
        ) : (
          <Spin size="small" />
        )}
      </Space>
      <div className="power-row">
        <Radio.Group
          data-testid="policy-choice"
          aria-label={t('power.policy.title')}
          value={shown}
          onChange={(e) => setPicked(e.target.value as SettablePolicy)}
          options={SETTABLE_POLICIES.map((p) => {
            const unsupported = supported !== undefined && !supported[POLICY_SUPPORT_FIELD[p]];
            return {
              value: p,
              label: (
                <span data-testid={`policy-${p}`}>
                  {t(POLICY_LABEL[p])}
                  {unsupported && ` (${t('power.policy.unsupported')})`}
                </span>
              ),
              disabled: unsupported,
            };
          })}
        />
      </div>
      <Button
        autoInsertSpace={false}
        type="primary"
        data-testid="policy-apply"
        loading={set.isPending}
        disabled={!picked || picked === current}
        onClick={apply}
      >
        {t('power.policy.apply')}
      </Button>
      {set.error && (
        <Alert
          className="power-error"
          type="error"
          showIcon
          data-testid="policy-error"
          title={writeErrorText(t, onHost(set.error.data, host.name), t('power.op.policySet'))}
        />
      )}
    </Card>
  );
}
