// The `sel elist` view of the SDR repository: which sensor record an event came from, and how to turn
// its raw trigger reading and threshold into the sensor's units.
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import { convertReading } from '../../ipmi/decode/reading-conversion';
import { unitString } from '../../ipmi/decode/units';
import type { SelSensor, SelSensorLookup } from './sel';

/** Matches like ipmitool's ipmi_sdr_find_sdr_bynumtype: sensor number, owner ID byte equal to the
 *  generator ID's low byte, and sensor type; full, compact and event-only records; first match wins. */
export function selSensorLookup(records: readonly SdrRecord[]): SelSensorLookup {
  const cache = new Map<string, SelSensor | undefined>();
  return (generatorId, sensorNumber, sensorType) => {
    const key = `${generatorId & 0xff}:${sensorNumber}:${sensorType}`;
    if (cache.has(key)) return cache.get(key);
    let found: SelSensor | undefined;
    for (const r of records) {
      if (r.kind !== 'full' && r.kind !== 'compact' && r.kind !== 'event-only') continue;
      if (r.number !== sensorNumber || r.ownerId !== (generatorId & 0xff) || r.sensorType !== sensorType)
        continue;
      found = { name: r.id };
      if (r.kind === 'full') {
        const full = r;
        const u = full.units;
        // Only full records carry conversion factors; for the others the raw values are shown.
        found.convert = (raw) => convertReading(full, raw) ?? raw;
        found.unit = unitString(u.percentage, u.modifierRelation, u.baseUnit, u.modifierUnit);
      } else if (r.kind === 'compact') {
        const u = r.units;
        found.unit = unitString(u.percentage, u.modifierRelation, u.baseUnit, u.modifierUnit);
      }
      break;
    }
    cache.set(key, found);
    return found;
  };
}
