// Overview: what the BMC is, the chassis' state, power-on time, the last restart cause, what is out of
// range and how we are connected. Every card reads its own call, so a BMC that lacks one command (or
// fails it) still shows the rest.
import { Col, Row } from 'antd';
import type { HostTabProps } from '../tabs';
import { ChassisCard } from './chassis-card';
import { DeviceCard } from './device-card';
import { OutOfRangeCard } from './out-of-range-card';
import { SessionCard } from './session-card';
import { OutOfRangeTile, PowerOnHoursTile, PowerTile, RestartCauseTile } from './status-tiles';

export function OverviewTab({ host }: HostTabProps) {
  return (
    <div data-testid="overview">
      <Row gutter={[12, 12]}>
        <Col span={6}>
          <PowerTile host={host} />
        </Col>
        <Col span={6}>
          <PowerOnHoursTile host={host} />
        </Col>
        <Col span={6}>
          <RestartCauseTile host={host} />
        </Col>
        <Col span={6}>
          <OutOfRangeTile host={host} />
        </Col>
        <Col span={12}>
          <Row gutter={[12, 12]}>
            <Col span={24}>
              <DeviceCard host={host} />
            </Col>
            <Col span={24}>
              <SessionCard host={host} />
            </Col>
          </Row>
        </Col>
        <Col span={12}>
          <Row gutter={[12, 12]}>
            <Col span={24}>
              <ChassisCard host={host} />
            </Col>
            <Col span={24}>
              <OutOfRangeCard host={host} />
            </Col>
          </Row>
        </Col>
      </Row>
    </div>
  );
}
