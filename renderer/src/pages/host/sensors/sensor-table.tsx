// One type group's sensors: name, reading in units (or the asserted states in words for a discrete
// sensor), status, the six thresholds where the group has threshold sensors, and a button opening the
// sensor's drawer (history and threshold form).
import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { THRESHOLD_ORDER, type SensorViewData } from '../../../../../shared/domain/sensor';
import { stateText } from '../../../i18n/ipmi-text/state-text';
import { formatUnitValue } from './sensor-format';
import { thresholdLong, thresholdShort, unitText } from './sensor-labels';
import { StatusTag } from './status-tag';

/** The asserted states as shown: each in the user's language (data-states keeps ipmitool's English). */
function statesText(s: SensorViewData, lang: string): string {
  const words = s.states.map((english, i) => stateText(s.stateCodes[i], english, lang));
  return words.join(lang.startsWith('zh') ? '、' : ', ');
}

export function ReadingText({ sensor: s }: { sensor: SensorViewData }) {
  const { t, i18n } = useTranslation();
  if (!s.available || (s.thresholdBased && s.value === undefined))
    return (
      <span data-testid="sensor-reading" data-value="na">
        {t('sensors.noReading')}
      </span>
    );
  if (!s.thresholdBased)
    return (
      <span data-testid="sensor-reading" data-states={s.states.join(', ')}>
        {s.states.length ? statesText(s, i18n.language) : t('sensors.drawer.noStates')}
      </span>
    );
  return (
    <span data-testid="sensor-reading" data-value={String(s.value)} data-units={s.units}>
      {formatUnitValue(i18n.language, s.value)} {unitText(t, s.units)}
    </span>
  );
}

export function SensorTable({
  sensors,
  onOpen,
}: {
  sensors: readonly SensorViewData[];
  onOpen: (s: SensorViewData) => void;
}) {
  const { t, i18n } = useTranslation();
  const withThresholds = sensors.some((s) => s.thresholdBased);
  const columns: TableColumnsType<SensorViewData> = [
    {
      key: 'name',
      title: t('sensors.column.name'),
      width: 180,
      render: (_, s) => <span data-testid="sensor-name">{s.name}</span>,
    },
    {
      key: 'reading',
      title: t('sensors.column.reading'),
      // threshold groups line up with each other; a discrete group's states take the room left
      ...(withThresholds && { width: 180 }),
      render: (_, s) => <ReadingText sensor={s} />,
    },
    {
      key: 'status',
      title: t('sensors.column.status'),
      width: 130,
      render: (_, s) => <StatusTag status={s.status} severity={s.severity} />,
    },
    ...(withThresholds
      ? THRESHOLD_ORDER.map((k) => ({
          key: k,
          title: <abbr title={thresholdLong(t, k)}>{thresholdShort(t, k)}</abbr>,
          align: 'right' as const,
          width: i18n.language === 'zh-CN' ? 104 : 84,
          render: (_: unknown, s: SensorViewData) => {
            const th = s.thresholds.find((x) => x.name === k);
            return (
              <span data-testid={`threshold-${k}`} data-value={th?.readable ? String(th.value) : 'na'}>
                {th?.readable && th.value !== undefined ? formatUnitValue(i18n.language, th.value) : '—'}
              </span>
            );
          },
        }))
      : []),
    {
      key: 'actions',
      title: t('sensors.column.actions'),
      width: 90,
      render: (_, s) => (
        <Button
          size="small"
          data-testid="sensor-open"
          aria-label={t('sensors.details', { name: s.name })}
          onClick={() => onOpen(s)}
        >
          {t('sensors.column.actions')}
        </Button>
      ),
    },
  ];
  return (
    <Table<SensorViewData>
      size="small"
      rowKey="recordId"
      pagination={false}
      columns={columns}
      dataSource={[...sensors]}
      onRow={(s) => ({ 'data-testid': 'sensor-row', 'data-sensor': s.name }) as object}
    />
  );
}
