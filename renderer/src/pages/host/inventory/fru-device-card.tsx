// One FRU device: its areas side by side, the multi-records below, and every problem the decoder found
// flagged where it applies (header alert on the card, checksum tag and alert on the area).
import { Alert, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FruDevice, FruView } from '../../../../../shared/domain/fru';
import { errorText } from '../../../i18n/error-text';
import { AREA_LABEL, FruArea } from './fru-area';
import { FruMultiRecords } from './fru-multi-records';
import { ERROR_TAG } from '../overview/tag-colors';

const BUILTIN = 'Builtin FRU Device';

/** checksum and truncation problems have their own tag and alert; any other is listed as found */
const shownElsewhere = (message: string) => /checksum|truncated/i.test(message);

function OtherProblems({ fru }: { fru: FruView }) {
  const { t } = useTranslation();
  const other = fru.problems.filter((p) => !shownElsewhere(p.message));
  if (other.length === 0) return null;
  const areaName = (a: string) =>
    a in AREA_LABEL ? t(AREA_LABEL[a as keyof typeof AREA_LABEL]) : t('inventory.area.multiRecord');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="fru-problems"
      title={t('inventory.check.problems')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {other.map((p, i) => (
            <li key={i}>
              {t('inventory.check.other', { area: areaName(p.area) })}:{' '}
              <Typography.Text code>{p.message}</Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}

function FruBody({ fru }: { fru: FruView }) {
  const { t, i18n } = useTranslation();
  const areas = [fru.chassis, fru.board, fru.product].filter((a) => a !== undefined);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {!fru.headerChecksumOk && (
        <Alert
          type="error"
          showIcon
          data-testid="header-checksum-alert"
          title={t('inventory.check.headerBad')}
        />
      )}
      <OtherProblems fru={fru} />
      {areas.length > 0 ? (
        <Row gutter={[12, 12]}>
          {areas.map((a) => (
            <Col key={a.kind} span={24 / areas.length}>
              <FruArea area={a} />
            </Col>
          ))}
        </Row>
      ) : (
        <Typography.Text type="secondary" data-testid="fru-empty">
          {t('inventory.device.empty')}
        </Typography.Text>
      )}
      {fru.multiRecords.length > 0 && <FruMultiRecords records={fru.multiRecords} />}
      {fru.internalUseHex !== undefined && (
        <Typography.Text type="secondary">
          {t('inventory.device.internalUse', {
            size: new Intl.NumberFormat(i18n.language).format(fru.internalUseHex.length / 2),
          })}
        </Typography.Text>
      )}
    </Space>
  );
}

export function FruDeviceCard({ device }: { device: FruDevice }) {
  const { t, i18n } = useTranslation();
  const bad =
    device.fru !== undefined &&
    (!device.fru.headerChecksumOk ||
      [device.fru.chassis, device.fru.board, device.fru.product].some(
        (a) => a && (!a.checksumOk || a.truncated),
      ) ||
      device.fru.multiRecords.some((r) => !r.headerChecksumOk || !r.recordChecksumOk));
  return (
    <Card
      size="small"
      data-testid="fru-device"
      data-device-id={device.deviceId}
      data-bad={String(bad)}
      title={
        <Space size={8} wrap>
          <span data-testid="fru-device-name">
            {/* main names device 0 as ipmitool does; the other names come from the BMC's SDR */}
            {device.deviceId === 0 && device.name === BUILTIN ? t('inventory.device.builtin') : device.name}
          </span>
          <Tag>{t('inventory.device.id', { id: device.deviceId })}</Tag>
          {device.fru && (
            <Typography.Text type="secondary">
              {t('inventory.device.size', {
                size: new Intl.NumberFormat(i18n.language).format(device.fru.size),
              })}
            </Typography.Text>
          )}
          {bad && <Tag color={ERROR_TAG}>{t('inventory.check.bad')}</Tag>}
        </Space>
      }
    >
      {device.error ? (
        <Alert
          type="error"
          showIcon
          data-testid="fru-device-error"
          title={errorText(device.error, t('inventory.op.readDevice', { id: device.deviceId }))}
        />
      ) : device.unsupported ? (
        <Alert type="info" showIcon title={t('inventory.device.unsupported')} />
      ) : device.fru ? (
        <FruBody fru={device.fru} />
      ) : null}
    </Card>
  );
}
