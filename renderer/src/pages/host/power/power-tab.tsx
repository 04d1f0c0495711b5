// Power & boot tab: being built (issue 10); replaced by the page's own implementation.
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostTabProps } from '../tabs';

export function PowerTab(_props: HostTabProps) {
  const { t } = useTranslation();
  return <Empty description={t('power.title')} />;
}
