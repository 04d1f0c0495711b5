// Which sensors an operator must look at: a threshold crossed (ipmitool's nc/cr/nr), the worst first.
import type { SensorViewData } from '../../../../../shared/domain/sensor';

const RANK = { nr: 0, cr: 1, nc: 2 } as const;

export function outOfRange(sensors: readonly SensorViewData[]): SensorViewData[] {
  return sensors
    .filter((s) => s.status === 'nc' || s.status === 'cr' || s.status === 'nr')
    .sort((a, b) => RANK[a.status as keyof typeof RANK] - RANK[b.status as keyof typeof RANK]);
}
