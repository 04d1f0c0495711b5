// Severity in colour and in words (colour alone would leave out colour-blind readers and screen readers).
import { Tag } from 'antd';
import { CloseCircleOutlined, ExclamationCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SelSeverity } from '../../../../../shared/domain/sel';
import { severityText } from './event-format';

const LOOK: Record<SelSeverity, { color: string; icon: React.ReactNode }> = {
  info: { color: 'blue', icon: <InfoCircleOutlined /> },
  warning: { color: 'gold', icon: <ExclamationCircleOutlined /> },
  critical: { color: 'red', icon: <CloseCircleOutlined /> },
};

export function SeverityTag({ severity }: { severity: SelSeverity }) {
  const { t } = useTranslation();
  const look = LOOK[severity];
  return (
    <Tag color={look.color} icon={look.icon} data-testid="severity" data-severity={severity}>
      {severityText(t, severity)}
    </Tag>
  );
}
