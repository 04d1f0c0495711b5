// The BMC's identity: Get Device ID (names where the view knows them, the IDs always) and the system
// GUID, each read on its own so one failing leaves the other shown.
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useBmcQuery } from '../../../query/use-bmc';
import type { DeviceInfo } from '../../../../../shared/domain/device';
import type { HostTabProps } from '../tabs';
import { QueryState } from './query-state';
import { WARNING_TAG } from './tag-colors';

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

function YesNo({ value, testId }: { value: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId} data-value={String(value)}>
      {value ? t('overview.yes') : t('overview.no')}
    </span>
  );
}

function deviceItems(d: DeviceInfo, t: TFunction) {
  return [
    {
      key: 'id',
      label: t('overview.device.deviceId'),
      children: <span data-testid="device-id">{d.deviceId}</span>,
    },
    {
      key: 'rev',
      label: t('overview.device.revision'),
      children: <span data-testid="device-revision">{d.deviceRevision}</span>,
    },
    {
      key: 'fw',
      label: t('overview.device.firmware'),
      children: <span data-testid="firmware">{d.firmwareRevision}</span>,
    },
    {
      key: 'ipmi',
      label: t('overview.device.ipmiVersion'),
      children: <span data-testid="ipmi-version">{d.ipmiVersion}</span>,
    },
    {
      key: 'mfr',
      label: t('overview.device.manufacturer'),
      children: (
        <>
          <span data-testid="manufacturer-name">
            {/* the registry's "Unknown" (ID 0) reads like any other unknown name, in the user's language */}
            {d.manufacturerName && d.manufacturerName !== 'Unknown'
              ? d.manufacturerName
              : t('overview.device.unknownName')}
          </span>{' '}
          <Typography.Text type="secondary">
            (<span data-testid="manufacturer">{d.manufacturerId}</span>)
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'product',
      label: t('overview.device.product'),
      children: (
        <>
          <span data-testid="product-name">{d.productName ?? t('overview.device.unknownName')}</span>{' '}
          <Typography.Text type="secondary">
            (<span data-testid="product">{d.productId}</span>, {hex4(d.productId)})
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'avail',
      label: t('overview.device.available'),
      children: <YesNo value={d.deviceAvailable} testId="device-available" />,
    },
    {
      key: 'sdrs',
      label: t('overview.device.providesSdrs'),
      children: <YesNo value={d.providesSdrs} testId="provides-sdrs" />,
    },
    {
      key: 'support',
      label: t('overview.device.support'),
      children: (
        <Space size={[4, 4]} wrap data-testid="device-support">
          {d.additionalDeviceSupport.length === 0 && t('overview.state.none')}
          {d.additionalDeviceSupport.map((s) => (
            <Tag key={s} data-value={s}>
              {t(`overview.support.${s}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    ...(d.auxFirmwareRevision
      ? [
          {
            key: 'aux',
            label: t('overview.device.auxFirmware'),
            children: <span data-testid="aux-firmware">{d.auxFirmwareRevision}</span>,
          },
        ]
      : []),
  ];
}

function GuidValue({ hostId }: { hostId: string }) {
  const { t } = useTranslation();
  const q = useBmcQuery('mc.guid', { hostId });
  return (
    <QueryState q={q} operation={t('overview.op.guid')} errorTestId="guid-error">
      {(g) => (
        <Space size={4} wrap>
          <Typography.Text code data-testid="system-guid" data-encoding={g.encoding}>
            {g.guid}
          </Typography.Text>
          {g.encoding !== 'ipmi' && <Tag color={WARNING_TAG}>{t(`overview.guidEncoding.${g.encoding}`)}</Tag>}
        </Space>
      )}
    </QueryState>
  );
}

export function DeviceCard({ host }: HostTabProps) {
  const { t } = useTranslation();
  const mc = useBmcQuery('mc.info', { hostId: host.id });
  const guid = { key: 'guid', label: t('overview.device.guid'), children: <GuidValue hostId={host.id} /> };
  return (
    <Card title={t('overview.card.device')} size="small" data-testid="card-device">
      {/* the device rows wait for Get Device ID; the GUID row loads on its own */}
      {!mc.data && (
        <QueryState q={mc} operation={t('overview.op.mcInfo')} errorTestId="host-error">
          {() => null}
        </QueryState>
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[...(mc.data ? deviceItems(mc.data, t) : []), guid]}
      />
    </Card>
  );
}
