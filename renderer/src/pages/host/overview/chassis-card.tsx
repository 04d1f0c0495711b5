// Get Chassis Status as an operator reads it: every fault and lock flag in words, red or orange only
// when it is set, the restore policy, the last power event and the identify LED.
import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useBmcQuery } from '../../../query/use-bmc';
import type { ChassisStatus } from '../../../../../shared/domain/chassis';
import type { HostTabProps } from '../tabs';
import { QueryState } from './query-state';
import { ERROR_TAG, WARNING_TAG } from './tag-colors';

/** flags that are faults (set: red) and flags that are states (set: orange), in ipmitool's order; a
 *  clear flag stays uncoloured so the set ones stand out */
const FLAGS = [
  { key: 'powerOverload', label: 'overview.chassis.powerOverload', kind: 'fault' },
  { key: 'powerInterlock', label: 'overview.chassis.powerInterlock', kind: 'state' },
  { key: 'mainPowerFault', label: 'overview.chassis.mainPowerFault', kind: 'fault' },
  { key: 'powerControlFault', label: 'overview.chassis.powerControlFault', kind: 'fault' },
  { key: 'intrusion', label: 'overview.chassis.intrusion', kind: 'state' },
  { key: 'frontPanelLockout', label: 'overview.chassis.frontPanelLockout', kind: 'state' },
  { key: 'driveFault', label: 'overview.chassis.driveFault', kind: 'fault' },
  { key: 'coolingFault', label: 'overview.chassis.coolingFault', kind: 'fault' },
] as const;

const BUTTONS = [
  { key: 'powerDisabled', label: 'overview.button.power' },
  { key: 'resetDisabled', label: 'overview.button.reset' },
  { key: 'diagDisabled', label: 'overview.button.diag' },
  { key: 'sleepDisabled', label: 'overview.button.sleep' },
] as const;

function flagTag(set: boolean, kind: 'fault' | 'state', t: TFunction) {
  if (kind === 'fault')
    return (
      <Tag color={set ? ERROR_TAG : undefined}>
        {set ? t('overview.state.fault') : t('overview.state.ok')}
      </Tag>
    );
  return (
    <Tag color={set ? WARNING_TAG : undefined}>
      {set ? t('overview.state.active') : t('overview.state.inactive')}
    </Tag>
  );
}

function items(s: ChassisStatus, t: TFunction) {
  const disabled = s.frontPanel ? BUTTONS.filter((b) => s.frontPanel![b.key]) : [];
  return [
    {
      key: 'policy',
      label: t('overview.chassis.restorePolicy'),
      children: (
        <span data-testid="chassis-powerRestorePolicy" data-value={s.powerRestorePolicy}>
          {t(`overview.policy.${s.powerRestorePolicy}`)}
        </span>
      ),
    },
    ...FLAGS.map((f) => ({
      key: f.key,
      label: t(f.label),
      children: (
        <span data-testid={`chassis-${f.key}`} data-value={String(s[f.key])}>
          {flagTag(s[f.key], f.kind, t)}
        </span>
      ),
    })),
    {
      key: 'last',
      label: t('overview.chassis.lastPowerEvent'),
      children: (
        <span data-testid="chassis-lastPowerEvent" data-value={s.lastPowerEvent.join(' ')}>
          {s.lastPowerEvent.length === 0 ? (
            t('overview.state.none')
          ) : (
            <Space size={[4, 4]} wrap>
              {s.lastPowerEvent.map((e) => (
                <Tag key={e} color={WARNING_TAG}>
                  {t(`overview.lastEvent.${e}`)}
                </Tag>
              ))}
            </Space>
          )}
        </span>
      ),
    },
    {
      key: 'identify',
      label: t('overview.chassis.identify'),
      children: (
        <span data-testid="chassis-identify" data-value={s.identify}>
          {t(`overview.identify.${s.identify}`)}
        </span>
      ),
    },
    ...(s.frontPanel
      ? [
          {
            key: 'buttons',
            label: t('overview.chassis.frontPanel'),
            children: (
              <span data-testid="chassis-frontPanel">
                {disabled.length === 0
                  ? t('overview.state.none')
                  : disabled.map((b) => t(b.label)).join(', ')}
              </span>
            ),
          },
        ]
      : []),
  ];
}

export function ChassisCard({ host }: HostTabProps) {
  const { t } = useTranslation();
  const q = useBmcQuery('chassis.status', { hostId: host.id });
  return (
    <Card title={t('overview.card.chassis')} size="small" data-testid="card-chassis">
      <QueryState q={q} operation={t('overview.op.chassisStatus')} errorTestId="chassis-error">
        {(s) => <Descriptions size="small" column={1} bordered items={items(s, t)} />}
      </QueryState>
    </Card>
  );
}
