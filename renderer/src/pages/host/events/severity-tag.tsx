// Severity in colour and in words (colour alone would leave out colour-blind readers and screen readers).
import { Tag } from 'antd';
import { CloseCircleOutlined, ExclamationCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SelSeverity } from '../../../../../shared/domain/sel';
import { severityText } from './event-format';

// gold's preset text (#d48806) is 2.6:1 on its own background; its darkest shade reads at AA
const LOOK: Record<SelSeverity, { color: string; icon: React.ReactNode; text?: string }> = {
  info: { color: 'blue', icon: <InfoCircleOutlined /> },
  warning: { color: 'gold', icon: <ExclamationCircleOutlined />, text: '#874d00' },
  critical: { color: 'red', icon: <CloseCircleOutlined /> },
};

export function SeverityTag({ severity }: { severity: SelSeverity }) {
  const { t } = useTranslation();
  const look = LOOK[severity];
  return (
    <Tag
      color={look.color}
      icon={look.icon}
      style={look.text ? { color: look.text } : undefined}
      data-testid="severity"
      data-severity={severity}
    >
      {severityText(t, severity)}
    </Tag>
  );
}
