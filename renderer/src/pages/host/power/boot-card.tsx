// Next boot device: what the BMC holds now (parameter 5 read back), and a form for a new override
// (device, once or persistent, legacy or UEFI) or clearing it. The form starts from the BMC's values and
// returns to them after each write, so what is shown is the BMC's answer, not what was sent.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Segmented, Select, Space, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../../shared/contract/hosts';
import type { BootDeviceName, BootOptionsView } from '../../../../../shared/domain/chassis';
import { useBmcMutation, useBmcQuery } from '../../../query/use-bmc';
import { errorText } from '../../../i18n/error-text';
import { BOOT_CHOICES, DEVICE_LABEL, MODE_LABEL, PERSISTENCE_LABEL } from './power-labels';
import { onHost, writeErrorText } from './write-error';

interface BootDraft {
  device: Exclude<BootDeviceName, 'none'>;
  persistence: BootOptionsView['persistence'];
  mode: BootOptionsView['mode'];
}

function fromBmc(b: BootOptionsView | undefined): BootDraft {
  const device = b && b.valid && (BOOT_CHOICES as readonly string[]).includes(b.device) ? b.device : 'pxe';
  return {
    device: device as BootDraft['device'],
    persistence: b?.persistence ?? 'once',
    mode: b?.mode ?? 'legacy',
  };
}

export function BootCard({ host }: { host: HostSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const hostId = host.id;
  const boot = useBmcQuery('chassis.boot.get', { hostId });
  const invalidates = () => [['chassis.boot.get', { hostId }]];
  const set = useBmcMutation('chassis.boot.set', { invalidates });
  const clear = useBmcMutation('chassis.boot.clear', { invalidates });
  const [draft, setDraft] = useState<BootDraft | undefined>();
  const form = draft ?? fromBmc(boot.data);
  // From the latest draft, not this render's: a handler kept by a child from an earlier render (before
  // the device was picked) must not put the old device back when the mode is clicked.
  const edit = (patch: Partial<BootDraft>) => setDraft((d) => ({ ...(d ?? fromBmc(boot.data)), ...patch }));
  const b = boot.data;
  const lastError = set.error ?? clear.error;

  const apply = () => {
    clear.reset();
    set.mutate(
      {
        hostId,
        device: form.device,
        persistent: form.persistence === 'persistent',
        efi: form.mode === 'efi',
      },
      {
        onSuccess: (r) => {
          setDraft(undefined);
          void message.success(
            t('power.boot.done', {
              host: host.name,
              device: t(DEVICE_LABEL[r.device]),
              persistence: t(PERSISTENCE_LABEL[r.persistence]),
              mode: t(MODE_LABEL[r.mode]),
            }),
          );
        },
      },
    );
  };
  const clearOverride = () => {
    set.reset();
    clear.mutate(
      { hostId },
      {
        onSuccess: () => {
          setDraft(undefined);
          void message.success(t('power.boot.cleared', { host: host.name }));
        },
      },
    );
  };

  return (
    <Card title={t('power.boot.title')} size="small" data-testid="boot-card">
      {boot.error && (
        <Alert
          type="error"
          showIcon
          data-testid="boot-read-error"
          title={errorText(onHost(boot.error.data, host.name), t('power.op.bootRead'))}
        />
      )}
      {!b && !boot.error && <Spin />}
      {b && (
        <Descriptions
          size="small"
          column={1}
          bordered
          data-testid="boot-current"
          data-valid={String(b.valid)}
          data-device={b.device}
          data-persistence={b.persistence}
          data-mode={b.mode}
          items={[
            {
              key: 'state',
              label: t('power.boot.current'),
              children: b.valid ? (
                <Tag color="blue">{t('power.boot.active')}</Tag>
              ) : (
                <span>{t('power.boot.inactive')}</span>
              ),
            },
            ...(b.valid
              ? [
                  { key: 'device', label: t('power.boot.device'), children: t(DEVICE_LABEL[b.device]) },
                  {
                    key: 'persistence',
                    label: t('power.boot.persistence'),
                    children: t(PERSISTENCE_LABEL[b.persistence]),
                  },
                  { key: 'mode', label: t('power.boot.mode'), children: t(MODE_LABEL[b.mode]) },
                ]
              : []),
          ]}
        />
      )}
      <Form layout="horizontal" className="power-row boot-form" labelCol={{ flex: '110px' }} labelWrap>
        <Form.Item label={t('power.boot.device')} htmlFor={`boot-device-${hostId}`}>
          <Select
            id={`boot-device-${hostId}`}
            data-testid="boot-device"
            // eleven devices: a plain list, no virtual scrolling, every option in the DOM
            virtual={false}
            value={form.device}
            onChange={(device) => edit({ device })}
            options={BOOT_CHOICES.map((d) => ({ value: d, label: t(DEVICE_LABEL[d]) }))}
          />
        </Form.Item>
        <Form.Item label={t('power.boot.persistence')}>
          <Segmented
            data-testid="boot-persistence"
            value={form.persistence}
            onChange={(persistence) => edit({ persistence })}
            options={(['once', 'persistent'] as const).map((p) => ({
              value: p,
              label: t(PERSISTENCE_LABEL[p]),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('power.boot.mode')}>
          <Segmented
            data-testid="boot-mode"
            value={form.mode}
            onChange={(mode) => edit({ mode })}
            options={(['legacy', 'efi'] as const).map((m) => ({ value: m, label: t(MODE_LABEL[m]) }))}
          />
        </Form.Item>
      </Form>
      <Space wrap>
        <Button
          autoInsertSpace={false}
          type="primary"
          data-testid="boot-apply"
          loading={set.isPending}
          disabled={clear.isPending}
          onClick={apply}
        >
          {t('power.boot.apply')}
        </Button>
        <Button
          autoInsertSpace={false}
          data-testid="boot-clear"
          loading={clear.isPending}
          disabled={set.isPending}
          onClick={clearOverride}
        >
          {t('power.boot.clear')}
        </Button>
      </Space>
      {lastError && (
        <Alert
          className="power-error"
          type="error"
          showIcon
          data-testid="boot-error"
          title={writeErrorText(
            t,
            onHost(lastError.data, host.name),
            set.error ? t('power.op.bootSet') : t('power.op.bootClear'),
          )}
        />
      )}
    </Card>
  );
}
