// The host's power state, in view on every tab.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBmcQuery } from '../../query/use-bmc';
import { errorText } from '../../i18n/error-text';

export function PowerTag({ hostId }: { hostId: string }) {
  const { t } = useTranslation();
  const q = useBmcQuery('power.status', { hostId });
  const power = q.data?.power;
  const label = `${t('host.powerLabel')}: ${power === 'on' ? t('host.power.on') : power === 'off' ? t('host.power.off') : t('host.power.unknown')}`;
  const tag = (
    <Tag
      // antd's preset green/orange tag text is below AA contrast; these darker shades (green-8,
      // orange-8) meet it
      color={power === 'on' ? '#237804' : power === 'off' ? 'default' : '#ad4e00'}
      data-testid="power-state"
      data-power={power ?? 'unknown'}
    >
      {label}
    </Tag>
  );
  return q.error ? <Tooltip title={errorText(q.error.data, t('host.op.powerStatus'))}>{tag}</Tooltip> : tag;
}
