// Actions on the hosts selected in the list: power, identify, boot device. Every action opens the run
// dialog, which confirms (naming the hosts), runs with progress and cancel, and lists each host's result.
import { useEffect, useRef, useState } from 'react';
import { Button, Dropdown, Space, Typography } from 'antd';
import { BulbOutlined, DownOutlined, PoweroffOutlined, RocketOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../../shared/contract/hosts';
import { BOOT_ACTION, IDENTIFY_ACTIONS, POWER_ACTIONS, type FleetAction } from './fleet-action';
import { FleetRunModal, type Confirming } from './fleet-run-modal';
import { useFleetRun } from './use-fleet-run';

export function FleetToolbar({ selected }: { selected: HostSummary[] }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const fleet = useFleetRun();
  const none = selected.length === 0;
  // one dialog at a time: the toolbar waits until the current one is closed
  const open = confirming !== null || fleet.run !== null;
  const busy = none || open;
  const buttons = {
    power: useRef<HTMLButtonElement>(null),
    identify: useRef<HTMLButtonElement>(null),
    boot: useRef<HTMLButtonElement>(null),
  };
  // the dialog is not modal, so nothing returns the focus for us: back to the button that opened it
  // once it is closed (and the toolbar enabled again)
  const returnTo = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (!open && returnTo.current) {
      returnTo.current.focus();
      returnTo.current = null;
    }
  }, [open]);
  const ask = (action: FleetAction) => {
    returnTo.current = buttons[action.group].current;
    setConfirming({ action, hosts: selected });
  };
  const menu = (actions: readonly FleetAction[]) => ({
    items: actions.map((a) => ({
      key: a.id,
      danger: a.danger,
      label: <span data-testid={`fleet-action-${a.id}`}>{t(a.label)}</span>,
    })),
    onClick: ({ key }: { key: string }) => {
      const a = actions.find((x) => x.id === key);
      if (a) ask(a);
    },
  });

  return (
    <div
      role="toolbar"
      aria-label={t('fleet.toolbar')}
      data-testid="fleet-toolbar"
      style={{ margin: '8px 0' }}
    >
      <Space size="middle" align="center" wrap>
        <Typography.Text data-testid="fleet-selected" strong={!none} type={none ? 'secondary' : undefined}>
          {none
            ? t('fleet.selected.none')
            : selected.length === 1
              ? t('fleet.selected.one')
              : t('fleet.selected.many', { count: selected.length })}
        </Typography.Text>
        <Space size="small">
          <Dropdown menu={menu(POWER_ACTIONS)} trigger={['click']} disabled={busy}>
            <Button ref={buttons.power} icon={<PoweroffOutlined />} data-testid="fleet-power" disabled={busy}>
              {t('fleet.menu.power')} <DownOutlined />
            </Button>
          </Dropdown>
          <Dropdown menu={menu(IDENTIFY_ACTIONS)} trigger={['click']} disabled={busy}>
            <Button
              ref={buttons.identify}
              icon={<BulbOutlined />}
              data-testid="fleet-identify"
              disabled={busy}
            >
              {t('fleet.menu.identify')} <DownOutlined />
            </Button>
          </Dropdown>
          <Button
            ref={buttons.boot}
            icon={<RocketOutlined />}
            data-testid="fleet-boot"
            disabled={busy}
            onClick={() => ask(BOOT_ACTION)}
          >
            {t('fleet.menu.boot')}
          </Button>
        </Space>
      </Space>
      {(confirming || fleet.run) && (
        <FleetRunModal
          confirming={confirming}
          run={fleet.run}
          onConfirm={(c, request) => {
            setConfirming(null);
            void fleet.start(c.action, request, c.hosts);
          }}
          onDismiss={() => {
            setConfirming(null);
            fleet.close();
          }}
          onCancelRun={() => void fleet.cancel()}
          onRetry={(run) =>
            void fleet.start(
              run.action,
              run.request,
              run.rows
                .filter((r) => r.status === 'failed' || r.status === 'not-reached')
                .map((r) => ({ id: r.hostId, name: r.name })),
            )
          }
        />
      )}
    </div>
  );
}
