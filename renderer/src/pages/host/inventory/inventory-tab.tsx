// Inventory: every FRU device of the host (the built-in one and the SDR's logical FRU devices) with its
// areas as readable fields; checksum problems are flagged on the device, the area and the record.
import { Alert, Empty, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../i18n/error-text';
import type { HostTabProps } from '../tabs';
import { FruDeviceCard } from './fru-device-card';
import { useFruRead } from './use-fru-read';

export function InventoryTab({ host }: HostTabProps) {
  const { t } = useTranslation();
  const q = useFruRead(host.id);
  if (q.error)
    return (
      <Alert
        type="error"
        showIcon
        data-testid="inventory-error"
        title={errorText(q.error.data, t('inventory.op.read'))}
      />
    );
  if (!q.data)
    return (
      <Spin data-testid="loading">
        <div style={{ padding: 24 }} aria-live="polite">
          {q.progress
            ? t('inventory.progress', { done: q.progress.done, total: q.progress.total })
            : t('inventory.reading')}
        </div>
      </Spin>
    );
  if (q.data.devices.length === 0) return <Empty description={t('inventory.none')} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="inventory">
      {q.data.devices.map((d) => (
        <FruDeviceCard key={d.deviceId} device={d} />
      ))}
    </Space>
  );
}
