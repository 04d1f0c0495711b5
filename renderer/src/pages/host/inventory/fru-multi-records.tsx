// The multi-record area: each record with its kind, its decoded values in units, and a checksum verdict
// for its header and its data.
import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FruView } from '../../../../../shared/domain/fru';
import { fixed } from './fru-format';
import { ERROR_TAG } from '../overview/tag-colors';

type MultiRecord = FruView['multiRecords'][number];
type Row = { key: string; label: string; children: ReactNode };

const KIND_LABEL = {
  'power-supply': 'inventory.record.power-supply',
  'dc-output': 'inventory.record.dc-output',
  'dc-load': 'inventory.record.dc-load',
  'management-access': 'inventory.record.management-access',
  compatibility: 'inventory.record.compatibility',
  oem: 'inventory.record.oem',
  other: 'inventory.record.other',
} as const;

function rows(r: MultiRecord, t: TFunction, lang: string): Row[] {
  const v2 = fixed(lang, 2);
  const v3 = fixed(lang, 3);
  const n0 = fixed(lang, 0);
  const row = (key: string, label: string, text: string): Row => ({
    key,
    label: t(label),
    children: (
      <span data-testid="mr-field" data-key={key}>
        {text}
      </span>
    ),
  });
  const yesNo = (b: boolean) => (b ? t('inventory.record.yes') : t('inventory.record.no'));
  const b = r.body;
  switch (b.kind) {
    case 'dc-output':
      return [
        row('outputNumber', 'inventory.record.outputNumber', String(b.outputNumber)),
        row('standby', 'inventory.record.standby', yesNo(b.standby)),
        row('nominalVoltage', 'inventory.record.nominalVoltage', `${v2(b.nominalVoltage)} V`),
        row(
          'maxNegativeDeviation',
          'inventory.record.maxNegativeDeviation',
          `${v2(b.maxNegativeDeviation)} V`,
        ),
        row(
          'maxPositiveDeviation',
          'inventory.record.maxPositiveDeviation',
          `${v2(b.maxPositiveDeviation)} V`,
        ),
        row('rippleAndNoise', 'inventory.record.rippleAndNoise', `${n0(b.rippleAndNoiseMv)} mV`),
        row('minCurrent', 'inventory.record.minCurrent', `${v3(b.minCurrent)} A`),
        row('maxCurrent', 'inventory.record.maxCurrent', `${v3(b.maxCurrent)} A`),
      ];
    case 'dc-load':
      return [
        row('outputNumber', 'inventory.record.outputNumber', String(b.outputNumber)),
        row('nominalVoltage', 'inventory.record.nominalVoltage', `${v2(b.nominalVoltage)} V`),
        row('minVoltage', 'inventory.record.minVoltage', `${v2(b.minVoltage)} V`),
        row('maxVoltage', 'inventory.record.maxVoltage', `${v2(b.maxVoltage)} V`),
        row('rippleAndNoise', 'inventory.record.rippleAndNoise', `${n0(b.rippleAndNoiseMv)} mV`),
        row('minCurrent', 'inventory.record.minCurrent', `${v3(b.minCurrent)} A`),
        row('maxCurrent', 'inventory.record.maxCurrent', `${v3(b.maxCurrent)} A`),
      ];
    case 'power-supply':
      return [
        row('capacity', 'inventory.record.capacity', `${n0(b.capacityWatts)} W`),
        row('peakVa', 'inventory.record.peakVa', `${n0(b.peakVa)} VA`),
        row('peakCapacity', 'inventory.record.peakCapacity', `${n0(b.peakCapacityWatts)} W`),
        row(
          'inputVoltage',
          'inventory.record.inputVoltage',
          [b.inputVoltageRange1, b.inputVoltageRange2].map(([lo, hi]) => `${v2(lo)}–${v2(hi)} V`).join(', '),
        ),
        row(
          'inputFrequency',
          'inventory.record.inputFrequency',
          `${n0(b.inputFrequencyRange[0])}–${n0(b.inputFrequencyRange[1])} Hz`,
        ),
        row('holdUp', 'inventory.record.holdUp', `${n0(b.peakHoldUpSeconds)} s`),
      ];
    case 'management-access':
      return [row('accessText', 'inventory.record.accessText', `${b.subtypeName}: ${b.text}`)];
    case 'compatibility':
      return [
        row('manufacturerId', 'inventory.record.manufacturerId', String(b.manufacturerId)),
        row('entityId', 'inventory.record.entityId', `0x${b.entityId.toString(16).padStart(2, '0')}`),
      ];
    case 'oem':
      return [row('manufacturerId', 'inventory.record.manufacturerId', String(b.manufacturerId))];
    default:
      return [row('bytes', 'inventory.record.bytes', r.hex)];
  }
}

export function FruMultiRecords({ records }: { records: FruView['multiRecords'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      size="small"
      type="inner"
      title={t('inventory.area.multiRecord')}
      data-testid="fru-area-multi-record"
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {records.map((r) => {
          const ok = r.headerChecksumOk && r.recordChecksumOk;
          return (
            <div key={r.offset} data-testid="multi-record" data-kind={r.body.kind}>
              <Space size={8} wrap style={{ marginBottom: 4 }}>
                <Typography.Text strong>{t(KIND_LABEL[r.body.kind])}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('inventory.record.type', { type: `0x${r.type.toString(16).padStart(2, '0')}` })}
                </Typography.Text>
                <Tag
                  color={ok ? undefined : ERROR_TAG}
                  data-testid="checksum-multi-record"
                  data-ok={String(ok)}
                >
                  {ok
                    ? t('inventory.check.ok')
                    : !r.headerChecksumOk
                      ? t('inventory.check.recordHeaderBad')
                      : t('inventory.check.recordBad')}
                </Tag>
              </Space>
              <Descriptions size="small" column={2} bordered items={rows(r, t, i18n.language)} />
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
