// A sensor's status as a tag: colour, icon and words together (never colour alone). The colours are
// dark enough for white text to meet WCAG AA (antd's light preset tags do not).
import { Tag } from 'antd';
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SensorSeverity, SensorStatus } from '../../../../../shared/domain/sensor';
import { statusText } from './sensor-labels';

export const SEVERITY_COLOUR: Record<SensorSeverity, string> = {
  normal: '#237804',
  warning: '#ad4e00',
  critical: '#a8071a',
  'non-recoverable': '#780650',
  unknown: '#595959',
};

const ICON: Record<SensorSeverity, ReactNode> = {
  normal: <CheckCircleOutlined />,
  warning: <ExclamationCircleOutlined />,
  critical: <CloseCircleOutlined />,
  'non-recoverable': <StopOutlined />,
  unknown: <MinusCircleOutlined />,
};

/** the status word that goes with a severity, for a group's worst severity */
export const SEVERITY_STATUS: Record<SensorSeverity, SensorStatus> = {
  normal: 'ok',
  warning: 'nc',
  critical: 'cr',
  'non-recoverable': 'nr',
  unknown: 'ns',
};

export function StatusTag({
  status,
  severity,
  testId = 'sensor-status',
}: {
  status: SensorStatus;
  severity: SensorSeverity;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag
      color={SEVERITY_COLOUR[severity]}
      icon={ICON[severity]}
      data-testid={testId}
      data-status={status}
      data-severity={severity}
    >
      {statusText(t, status)}
    </Tag>
  );
}
