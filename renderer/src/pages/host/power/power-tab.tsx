// Power & boot tab (issue 10): power state and actions, next boot device, power-restore policy,
// identify; every write read back from the BMC and shown as the BMC reports it.
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
        <BootCard host={host} />
      </Col>
      <Col span={12} className="power-column">
        <PolicyCard host={host} />
        <IdentifyCard host={host} />
      </Col>
    </Row>
  );
}
