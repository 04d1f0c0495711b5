// One FRU info area (chassis, board or product) as named fields, with its checksum verdict on the card
// and, when the checksum is wrong or the area is cut short, an alert saying the fields may be damaged.
import type { ReactNode } from 'react';
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FruAreaView } from '../../../../../shared/domain/fru';
import { manufacturingDate } from './fru-format';
import { ERROR_TAG } from '../overview/tag-colors';

/** the area kinds' names (literal keys, for the key check) */
export const AREA_LABEL = {
  chassis: 'inventory.area.chassis',
  board: 'inventory.area.board',
  product: 'inventory.area.product',
} as const;

/** field keys this app names; any other key shows as is */
const FIELD_LABEL: Record<string, string> = {
  manufacturer: 'inventory.field.manufacturer',
  productName: 'inventory.field.productName',
  name: 'inventory.field.name',
  serialNumber: 'inventory.field.serialNumber',
  partNumber: 'inventory.field.partNumber',
  version: 'inventory.field.version',
  assetTag: 'inventory.field.assetTag',
  fruFileId: 'inventory.field.fruFileId',
  custom: 'inventory.field.custom',
};

/** the number of SMBIOS chassis types translated in messages/inventory.ts */
const CHASSIS_TYPES = 30;

export function AreaChecksumTag({ area }: { area: FruAreaView }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag
        color={area.checksumOk ? undefined : ERROR_TAG}
        data-testid={`checksum-${area.kind}`}
        data-ok={String(area.checksumOk)}
      >
        {area.checksumOk ? t('inventory.check.ok') : t('inventory.check.bad')}
      </Tag>
      {area.truncated && <Tag color={ERROR_TAG}>{t('inventory.check.truncated')}</Tag>}
    </Space>
  );
}

export function FruArea({ area }: { area: FruAreaView }) {
  const { t, i18n } = useTranslation();
  const areaName = t(AREA_LABEL[area.kind]);
  const rows: { key: string; label: string; children: ReactNode }[] = [];
  if (area.chassisType) {
    const { code, name } = area.chassisType;
    rows.push({
      key: 'chassisType',
      label: t('inventory.field.chassisType'),
      children: (
        <span data-testid="fru-field" data-area={area.kind} data-key="chassisType" data-code={code}>
          {code < CHASSIS_TYPES ? t(`inventory.chassisType.${code}`) : name}
        </span>
      ),
    });
  }
  if (area.manufactured) {
    const { iso } = area.manufactured;
    rows.push({
      key: 'manufactured',
      label: t('inventory.field.manufactured'),
      children: (
        <span data-testid="fru-field" data-area={area.kind} data-key="manufactured" data-iso={iso ?? ''}>
          {iso ? manufacturingDate(i18n.language, iso) : t('inventory.field.unspecified')}
        </span>
      ),
    });
  }
  area.fields.forEach((f, i) => {
    const label = FIELD_LABEL[f.key];
    rows.push({
      key: `${f.key}-${i}`,
      label: label ? t(label) : f.key,
      children:
        f.text === '' ? (
          <Typography.Text type="secondary">{t('inventory.field.empty')}</Typography.Text>
        ) : (
          <span
            data-testid="fru-field"
            data-area={area.kind}
            data-key={f.key}
            data-encoding={f.encoding}
            style={{ overflowWrap: 'anywhere' }}
          >
            {f.text}
          </span>
        ),
    });
  });
  return (
    <Card
      size="small"
      type="inner"
      title={areaName}
      extra={<AreaChecksumTag area={area} />}
      data-testid={`fru-area-${area.kind}`}
      style={{ height: '100%' }}
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {!area.checksumOk && !area.truncated && (
          <Alert
            type="error"
            showIcon
            data-testid="area-checksum-alert"
            title={t('inventory.check.areaBad', { area: areaName })}
          />
        )}
        {area.truncated && (
          <Alert
            type="error"
            showIcon
            data-testid="area-truncated-alert"
            title={t('inventory.check.areaTruncated', { area: areaName })}
          />
        )}
        <Descriptions size="small" column={1} bordered items={rows} />
      </Space>
    </Card>
  );
}
