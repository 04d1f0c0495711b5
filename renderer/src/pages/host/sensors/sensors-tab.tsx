// Sensors tab: being built (issue 10); replaced by the page's own implementation.
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostTabProps } from '../tabs';

export function SensorsTab(_props: HostTabProps) {
  const { t } = useTranslation();
  return <Empty description={t('sensors.title')} />;
}
