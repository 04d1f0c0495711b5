// Overview: what the BMC is (device id, firmware, IPMI version, manufacturer, product).
import { Alert, Descriptions, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBmcQuery } from '../../../query/use-bmc';
import { errorText } from '../../../i18n/error-text';
import type { HostTabProps } from '../tabs';

export function OverviewTab({ host }: HostTabProps) {
  const { t } = useTranslation();
  const mc = useBmcQuery('mc.info', { hostId: host.id });
  if (mc.error)
    return (
      <Alert
        type="error"
        showIcon
        data-testid="host-error"
        title={errorText(mc.error.data, t('overview.op.mcInfo'))}
      />
    );
  if (!mc.data) return <Spin data-testid="loading" />;
  const d = mc.data;
  return (
    <Descriptions bordered size="small" column={2} title={t('overview.device')}>
      <Descriptions.Item label={t('overview.deviceId')}>
        <span data-testid="device-id">{d.deviceId}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('overview.firmware')}>
        <span data-testid="firmware">{d.firmwareRevision}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('overview.ipmiVersion')}>
        <span data-testid="ipmi-version">{d.ipmiVersion}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('overview.manufacturer')}>
        <span data-testid="manufacturer">{d.manufacturerId}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('overview.product')}>
        <span data-testid="product">{d.productId}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
