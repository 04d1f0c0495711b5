// Sensors grouped by type (in the order the SDR first names each type), with each group's worst
// severity, so a collapsed group still says whether something in it needs a look.
import type { SensorSeverity, SensorViewData } from '../../../../../shared/domain/sensor';

export const SEVERITY_RANK: Record<SensorSeverity, number> = {
  unknown: 0,
  normal: 1,
  warning: 2,
  critical: 3,
  'non-recoverable': 4,
};

export interface SensorGroup {
  /** sensor type code (IPMI v2.0 table 42-3) */
  code: number;
  /** the type's name as the view gives it (English), when no translation exists */
  name: string;
  sensors: SensorViewData[];
  worst: SensorSeverity;
}

/** `unknown` (no reading) counts as worse than normal only when nothing in the group has a reading. */
export function worstSeverity(sensors: readonly SensorViewData[]): SensorSeverity {
  let worst: SensorSeverity = 'unknown';
  for (const s of sensors) if (SEVERITY_RANK[s.severity] > SEVERITY_RANK[worst]) worst = s.severity;
  return worst;
}

export function groupByType(sensors: readonly SensorViewData[]): SensorGroup[] {
  const groups = new Map<number, SensorGroup>();
  for (const s of sensors) {
    let g = groups.get(s.type.code);
    if (!g) {
      g = { code: s.type.code, name: s.type.name, sensors: [], worst: 'unknown' };
      groups.set(s.type.code, g);
    }
    g.sensors.push(s);
  }
  for (const g of groups.values()) g.worst = worstSeverity(g.sensors);
  return [...groups.values()];
}
