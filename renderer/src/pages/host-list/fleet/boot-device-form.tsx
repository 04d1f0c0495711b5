// The boot device choice inside the confirmation: device, next boot or persistent, legacy or EFI.
import { Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { BOOT_DEVICES } from '../../../../../shared/domain/chassis';
import type { BootChoice } from './fleet-action';

export const DEFAULT_BOOT: BootChoice = { device: 'pxe', persistent: false, efi: false };

export function BootDeviceForm({
  value,
  onChange,
}: {
  value: BootChoice;
  onChange: (b: BootChoice) => void;
}) {
  const { t } = useTranslation();
  return (
    <Form layout="horizontal" labelCol={{ span: 5 }} wrapperCol={{ span: 19 }} data-testid="fleet-boot-form">
      <Form.Item style={{ marginBottom: 8 }} label={t('fleet.boot.device')} htmlFor="fleet-boot-device">
        <Select
          id="fleet-boot-device"
          data-testid="fleet-boot-device"
          value={value.device}
          onChange={(device) => onChange({ ...value, device })}
          options={BOOT_DEVICES.map((d) => ({ value: d, label: t(`fleet.boot.devices.${d}`) }))}
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }} label={t('fleet.boot.applies')}>
        <Radio.Group
          data-testid="fleet-boot-persistent"
          aria-label={t('fleet.boot.applies')}
          value={value.persistent}
          onChange={(e) => onChange({ ...value, persistent: e.target.value as boolean })}
          options={[
            { value: false, label: t('fleet.boot.nextBoot') },
            { value: true, label: t('fleet.boot.persistent') },
          ]}
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }} label={t('fleet.boot.mode')}>
        <Radio.Group
          data-testid="fleet-boot-mode"
          aria-label={t('fleet.boot.mode')}
          value={value.efi}
          onChange={(e) => onChange({ ...value, efi: e.target.value as boolean })}
          options={[
            { value: false, label: t('fleet.boot.legacy') },
            { value: true, label: t('fleet.boot.efi') },
          ]}
        />
      </Form.Item>
    </Form>
  );
}
