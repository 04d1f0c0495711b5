// SEL events as table rows: what each column shows, and the filter (severity, sensor, time range, free
// text) applied to them. Pure, so the page, the export and the tests all see the same rows.
import type { SelEvent, SelSeverity } from '../../../../../shared/domain/sel';

export interface EventRow {
  id: number;
  event: SelEvent;
  /** seconds since 1970 UTC when the record's time is a date */
  date?: number;
  /** seconds since the BMC initialised, for pre-init timestamps (not a date) */
  sinceInit?: number;
  /** the SDR name, "#0x02" when no SDR describes the sensor, '' for OEM records */
  sensor: string;
  /** ipmitool's name of the sensor (type and name, "Power Supply PSU1 Status"): the sensor filter's key */
  sensorKey: string;
  /** sensor type text ("Temperature") or, for OEM records, the record type in hex ("c1") */
  type: string;
  severity: SelSeverity;
  /** the state in words; for OEM records the OEM bytes; for kernel panics the panic text */
  description: string;
  direction?: 'assertion' | 'deassertion';
  /** OEM timestamped records: the manufacturer ID, six hex digits as ipmitool prints it */
  manufacturer?: string;
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

export function toRow(ev: SelEvent): EventRow {
  const t = ev.time;
  const row: EventRow = {
    id: ev.id,
    event: ev,
    sensor: '',
    sensorKey: '',
    type: '',
    severity: ev.severity,
    description: ev.description,
  };
  if (t && !t.unspecified) {
    if (t.preInit) row.sinceInit = t.seconds;
    else row.date = t.seconds;
  }
  if (ev.direction) row.direction = ev.direction;
  if (ev.panic !== undefined) row.description = ev.panic;
  else if (ev.kind !== 'system' || !ev.sensor) {
    row.type = hex2(ev.recordType);
    row.description = ev.oemData ?? '';
    if (ev.manufacturerId !== undefined) row.manufacturer = ev.manufacturerId.toString(16).padStart(6, '0');
  } else {
    const s = ev.sensor;
    row.type = s.typeName;
    row.sensor = s.sdr ? s.sdr.name : s.number !== 0 ? `#0x${hex2(s.number)}` : '';
    row.sensorKey = row.sensor ? `${s.typeName} ${row.sensor}` : s.typeName;
  }
  return row;
}

export interface EventFilter {
  severities: readonly SelSeverity[];
  /** sensorKey values; empty: every sensor */
  sensors: readonly string[];
  /** [from, to] seconds since 1970, inclusive; rows without a date fall outside any range */
  range?: readonly [number, number] | undefined;
  /** matched case-insensitively against the row's text as shown (see `text`) */
  text: string;
}

export const NO_FILTER: EventFilter = { severities: [], sensors: [], text: '' };

export function isFiltered(f: EventFilter): boolean {
  return f.severities.length > 0 || f.sensors.length > 0 || f.range !== undefined || f.text.trim() !== '';
}

/**
 * The rows the filter keeps, in their order. `shown(row)` is the row's text as displayed (time,
 * severity and direction in the user's language), so the search finds what the operator reads.
 */
export function filterRows(
  rows: readonly EventRow[],
  f: EventFilter,
  shown: (row: EventRow) => string,
): EventRow[] {
  const needle = f.text.trim().toLowerCase();
  return rows.filter((r) => {
    if (f.severities.length && !f.severities.includes(r.severity)) return false;
    if (f.sensors.length && !f.sensors.includes(r.sensorKey)) return false;
    if (f.range && (r.date === undefined || r.date < f.range[0] || r.date > f.range[1])) return false;
    if (needle && !shown(r).toLowerCase().includes(needle)) return false;
    return true;
  });
}

/** The sensors that logged events, for the sensor filter: key and count, by name. */
export function sensorOptions(rows: readonly EventRow[]): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.sensorKey) counts.set(r.sensorKey, (counts.get(r.sensorKey) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));
}
