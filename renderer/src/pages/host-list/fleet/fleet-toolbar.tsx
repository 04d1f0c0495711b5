// Actions on the hosts selected in the list: being built (issue 10).
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../../shared/contract/hosts';

export function FleetToolbar({ selected }: { selected: HostSummary[] }) {
  const { t } = useTranslation();
  return selected.length ? <Typography.Text>{t('fleet.title')}</Typography.Text> : null;
}
