// One sensor in a drawer along the bottom of the window: what it is and reads, its history chart and,
// for threshold sensors, the threshold form, side by side. No mask: the table, its refresh and the app
// header stay usable while the drawer is open (a refresh adds points to the chart being watched).
import { Col, Descriptions, Drawer, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SensorViewData } from '../../../../../shared/domain/sensor';
import { finite, formatNumber, sensorRange } from './sensor-format';
import { typeName, unitText } from './sensor-labels';
import { ReadingText } from './sensor-table';
import { StatusTag } from './status-tag';
import { HistoryChart } from './history-chart';
import { ThresholdForm } from './threshold-form';

export function SensorDrawer({
  hostId,
  hostName,
  sensor,
  onClose,
}: {
  hostId: string;
  hostName: string;
  sensor: SensorViewData | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const s = sensor;
  const range = s ? sensorRange(s) : {};
  const units = s ? unitText(t, s.units) : '';
  const n = (v: number | undefined) => (v === undefined ? '—' : `${formatNumber(lang, v)} ${units}`.trim());
  const unspecified = t('sensors.drawer.unspecified');
  return (
    <Drawer
      open={s !== null}
      onClose={onClose}
      placement="bottom"
      size={530}
      mask={false}
      title={s?.name}
      closable={{ 'aria-label': t('sensors.drawer.close') }}
      data-testid="sensor-drawer"
      destroyOnHidden
    >
      {s && (
        <Row gutter={24} wrap={false}>
          <Col flex="0 0 280px">
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                {
                  key: 'reading',
                  label: s.thresholdBased ? t('sensors.column.reading') : t('sensors.drawer.states'),
                  children: <ReadingText sensor={s} />,
                },
                {
                  key: 'status',
                  label: t('sensors.column.status'),
                  children: <StatusTag status={s.status} severity={s.severity} testId="drawer-status" />,
                },
                {
                  key: 'type',
                  label: t('sensors.drawer.type'),
                  children: typeName(t, s.type.code, s.type.name),
                },
                {
                  key: 'entity',
                  label: t('sensors.drawer.entity'),
                  children: `${s.entity.id}.${s.entity.instance}`,
                },
                {
                  key: 'number',
                  label: t('sensors.drawer.number'),
                  children: `0x${s.number.toString(16).padStart(2, '0')}`,
                },
                ...(s.thresholdBased && s.analog
                  ? [
                      {
                        key: 'range',
                        label: t('sensors.drawer.range'),
                        children:
                          range.min === undefined && range.max === undefined
                            ? unspecified
                            : `${n(range.min)} – ${n(range.max)}`,
                      },
                      {
                        key: 'nominal',
                        label: t('sensors.drawer.nominal'),
                        children:
                          finite(s.range.nominal?.value) === undefined
                            ? unspecified
                            : n(finite(s.range.nominal?.value)),
                      },
                    ]
                  : []),
              ]}
            />
          </Col>
          {s.thresholdBased && (
            <>
              <Col flex="auto" style={{ minWidth: 0 }}>
                <Typography.Title level={4}>{t('sensors.drawer.history')}</Typography.Title>
                <HistoryChart hostId={hostId} sensor={s} />
              </Col>
              <Col flex="0 0 480px">
                <ThresholdForm key={s.recordId} hostId={hostId} hostName={hostName} sensor={s} />
              </Col>
            </>
          )}
        </Row>
      )}
    </Drawer>
  );
}
