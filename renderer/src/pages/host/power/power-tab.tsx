// Power & boot tab (issue 10): what acts on the chassis now on the left (power state and actions,
// identify), the settings for later on the right (power-restore policy, next boot device); every write read back from the BMC and shown as the BMC reports it.
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostTabProps } from '../tabs';
import { PowerStateCard } from './power-state-card';
import { IdentifyCard } from './identify-card';
import { PolicyCard } from './policy-card';
import { BootCard } from './boot-card';
import './power.css';

// Keyed by host: going from one host's tab to another's starts with fresh forms and no stale errors.
export function PowerTab({ host }: HostTabProps) {
  return <PowerCards key={host.id} host={host} />;
}

function PowerCards({ host }: HostTabProps) {
  const { t } = useTranslation();
  return (
    <Row gutter={16} data-testid="power-tab" role="region" aria-label={t('power.title')}>
      <Col span={12} className="power-column">
        <PowerStateCard host={host} />
        <IdentifyCard host={host} />
      </Col>
      <Col span={12} className="power-column">
        <PolicyCard host={host} />
        <BootCard host={host} />
      </Col>
    </Row>
  );
}
