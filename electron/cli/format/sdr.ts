// `sdr list`, `sdr elist`, `sdr type` and `sdr info` lines exactly as ipmitool 1.8.19 prints them
// (lib/ipmi_sdr.c: ipmi_sdr_print_sensor_fc, _eventonly, _fru_locator, _mc_locator,
// _generic_locator, ipmi_sdr_print_info). Pure: sensor views (electron/views/sensor.ts; a snapshot is
// turned into one) and records in, text out; the meaning of a reading is the view's.
import type { SdrRepositoryInfo } from '../../ipmi/commands/storage/sdr-repository';
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import { SENSOR_TYPE_NAMES } from '../../ipmi/decode/sensor-types';
import { entityIdName } from '../../ipmi/decode/entity-ids';
import type { SensorSnapshot } from '../../ipmi/commands/sensor/sensor-snapshot';
import type { SensorView } from '../../../shared/domain/sensor';
import { asSensorView } from '../../views/sensor';
import { HEX2, hex2, left, right, wholeOr } from './c-number';
import { timestampNumeric, type TimeOptions } from './ipmi-time';

/** Which records `sdr list <filter>` shows: the default is full and compact sensors. */
export type SdrFilter = 'sensors' | 'all' | 'full' | 'compact' | 'event' | 'mcloc' | 'fru' | 'generic';

export function recordMatches(r: SdrRecord, f: SdrFilter): boolean {
  switch (f) {
    case 'sensors':
      return r.kind === 'full' || r.kind === 'compact';
    case 'all':
      return true;
    case 'full':
      return r.kind === 'full';
    case 'compact':
      return r.kind === 'compact';
    case 'event':
      return r.kind === 'event-only';
    case 'mcloc':
      return r.kind === 'mc-locator';
    case 'fru':
      return r.kind === 'fru-locator';
    case 'generic':
      return r.kind === 'generic-locator';
  }
}

/** snprintf into ipmitool's 16-byte buffer: at most 15 characters survive. */
const clip15 = (s: string) => s.slice(0, 15);

type SensorArg = SensorView | SensorSnapshot;

/** The analog reading string of `sdr list` (precision 2) or `sensor get` (precision 3). */
export function analogText(x: SensorArg, precision: number): string | undefined {
  const v = asSensorView(x);
  if (!v.analog || !v.convertible || v.value === undefined) return undefined;
  return wholeOr(v.value, precision);
}

/**
 * The byte ipmitool shows as a discrete sensor's "reading": the installed 1.8.19 prints the first
 * state byte (Get Sensor Reading byte 3), not byte 1, for sensors without an analog value (seen on
 * the lab: CPU1 Status reads 07 80 00 and is listed as 0x80). Threshold sensors show byte 1.
 */
export function discreteValue(x: SensorArg): number {
  const v = asSensorView(x);
  if (!v.reading) return 0;
  return v.thresholdBased ? v.reading.raw : v.reading.state1;
}

/** One `sdr list` line for a full or compact sensor. */
export function sdrListSensorLine(x: SensorArg): string {
  const v = asSensorView(x);
  const full = v.recordKind === 'full';
  let sval: string;
  if (v.available) {
    const a = analogText(v, 2);
    sval = a !== undefined ? clip15(`${a} ${v.units}`) : `0x${hex2(discreteValue(v))}`;
  } else if (v.reading && !v.reading.scanningEnabled) sval = full ? 'disabled' : 'Not Readable';
  else sval = full ? 'no reading' : 'Not Readable';
  return `${left(v.name, 16)} | ${sval}${' '.repeat(17 - sval.length)} | ${v.status}\n`;
}

/** ipmitool's sdr elist status: the threshold crossed by name, else ok, or ns without a reading. */
const detailedStatus = (v: SensorView) => v.crossed ?? (v.available ? 'ok' : 'ns');

/** One `sdr elist` line for a full or compact sensor. */
export function sdrElistSensorLine(x: SensorArg): string {
  const v = asSensorView(x);
  let line = `${left(v.name, 16)} | ${HEX2(v.number)}h | ${left(detailedStatus(v), 3)} | ${right(String(v.entity.id), 2)}.${v.entity.instance} | `;
  if (v.available) {
    const a = analogText(v, 2);
    if (v.thresholdBased && a !== undefined) {
      line += clip15(`${a} ${v.units}`);
    } else {
      if (a !== undefined) line += `${a} ${v.units}${v.states.length ? ', ' : ''}`;
      line += v.states.join(', ');
    }
  } else if (v.reading && !v.reading.scanningEnabled) line += 'Disabled';
  else line += 'No Reading';
  return line + '\n';
}

/** ipmitool's print_csv_discrete: a non-threshold sensor (or a threshold one without an analog value)
 *  after "<id>,". */
export function csvDiscrete(x: SensorArg): string {
  const v = asSensorView(x);
  const entity = `${v.entity.id}.${v.entity.instance}`;
  if (!v.available) return `${HEX2(v.number)}h,ns,${entity},No Reading`;
  const a = analogText(v, 2);
  const head = a !== undefined ? `${a},${v.units},` : `${HEX2(v.number)}h,`;
  return `${head}ok,${entity},${v.states.join(', ')}`;
}

/**
 * One `-c sdr list` / `-c sdr elist` line for a full or compact sensor. The two differ only in a threshold
 * crossed: ipmitool's status names the threshold under elist, type and entity (`ucr`), the class under
 * list (`cr`), as its ipmi_sdr_get_thresh_status follows sdr_extended.
 */
export function sdrCsvSensorLine(x: SensorArg, extended = false): string {
  const v = asSensorView(x);
  let line = `${v.name},`;
  if (!v.thresholdBased) return `${line}${csvDiscrete(v)}\n`;
  if (v.available) {
    line +=
      analogText(v, 3) !== undefined && v.value !== undefined
        ? `${wholeOr(v.value, 3)},${v.units},${extended ? detailedStatus(v) : v.status}`
        : csvDiscrete(v);
  } else line += ',,ns';
  return line + '\n';
}

/** `-c` lines for the records that have no reading. */
export function sdrCsvOtherLine(rec: SdrRecord): string | undefined {
  switch (rec.kind) {
    case 'event-only':
      return `${rec.id},${HEX2(rec.number)}h,ns,${rec.entityId}.${rec.entityInstance},Event-Only\n`;
    case 'mc-locator':
      return `${rec.id},00h,ok,${rec.entityId}.${rec.entityInstance}\n`;
    case 'fru-locator':
    case 'generic-locator':
      return `${rec.id},00h,ns,${rec.entityId}.${rec.entityInstance}\n`;
    default:
      return undefined;
  }
}

/** Lines for the records that have no reading, in list (`extended` false) or elist form. */
export function sdrOtherLine(rec: SdrRecord, extended: boolean): string | undefined {
  switch (rec.kind) {
    case 'event-only':
      return extended
        ? `${left(rec.id, 16)} | ${HEX2(rec.number)}h | ns  | ${right(String(rec.entityId), 2)}.${rec.entityInstance} | Event-Only\n`
        : `${left(rec.id, 16)} | Event-Only        | ns\n`;
    case 'fru-locator':
      return extended
        ? `${left(rec.id, 16)} | 00h | ns  | ${right(String(rec.entityId), 2)}.${rec.entityInstance} | ${rec.logical ? 'Logical' : 'Physical'} FRU @${HEX2(rec.fruDeviceId)}h\n`
        : `${left(rec.id, 16)} | ${rec.logical ? 'Log' : 'Phy'} FRU @${HEX2(rec.fruDeviceId)}h ${hex2(rec.entityId)}.${rec.entityInstance.toString(16)} | ok\n`;
    case 'mc-locator': {
      const kind = rec.powerStateNotification & 0x01 ? 'Static' : 'Dynamic';
      return extended
        ? `${left(rec.id, 16)} | 00h | ok  | ${right(String(rec.entityId), 2)}.${rec.entityInstance} | ${kind} MC @ ${HEX2(rec.slaveAddress)}h\n`
        : `${left(rec.id, 16)} | ${kind} MC @ ${HEX2(rec.slaveAddress)}h ${kind === 'Static' ? ' ' : ''} | ok\n`;
    }
    case 'generic-locator':
      return extended
        ? `${left(rec.id, 16)} | 00h | ns  | ${right(String(rec.entityId), 2)}.${rec.entityInstance} | Generic Device @${HEX2(rec.accessAddress)}h:${HEX2(rec.slaveAddress)}h.${rec.oem}\n`
        : `${left(rec.id, 16)} | Generic @${HEX2(rec.accessAddress)}:${HEX2(rec.slaveAddress)}.${left(String(rec.oem), 2)} | ok\n`;
    default:
      return undefined; // entity associations, OEM and unknown records are not listed by ipmitool
  }
}

/**
 * A whole listing. `snapshots` holds the readings of the sensor records (keyed by record ID);
 * `extended` selects the elist form, `csv` ipmitool's `-c` form (elist's names the threshold crossed).
 */
export function formatSdrList(
  records: readonly SdrRecord[],
  snapshots: ReadonlyMap<number, SensorView | SensorSnapshot>,
  filter: SdrFilter,
  extended: boolean,
  csv = false,
): string {
  let out = '';
  for (const rec of records) {
    if (!recordMatches(rec, filter)) continue;
    if (rec.kind === 'full' || rec.kind === 'compact') {
      const s = snapshots.get(rec.recordId);
      if (s)
        out += csv ? sdrCsvSensorLine(s, extended) : extended ? sdrElistSensorLine(s) : sdrListSensorLine(s);
    } else {
      out += (csv ? sdrCsvOtherLine(rec) : sdrOtherLine(rec, extended)) ?? '';
    }
  }
  return out;
}

/** `sdr type list`: the sensor types in two columns. */
export function formatSensorTypeList(): string {
  let out = 'Sensor Types:\n';
  for (let x = 1; x < 0x2c; x += 2) {
    out += `\t${left(SENSOR_TYPE_NAMES[x]!, 25)} (0x${hex2(x)})   ${left(SENSOR_TYPE_NAMES[x + 1]!, 25)} (0x${hex2(x + 1)})\n`;
  }
  return out;
}

export function formatSdrInfo(i: SdrRepositoryInfo, time: TimeOptions = {}): string {
  const free =
    i.freeSpace === 0
      ? 'none (full)'
      : i.freeSpace === 0xffff
        ? 'unspecified'
        : i.freeSpace === 0xfffe
          ? '> 64Kb - 2 bytes'
          : `${i.freeSpace} bytes`;
  const yn = (b: boolean) => (b ? 'yes' : 'no');
  const modes =
    ['unspecified', 'non-modal', 'modal', 'modal and non-modal'][i.updateSupport] ?? 'error in response';
  return (
    `SDR Version                         : 0x${i.version.toString(16)}\n` +
    `Record Count                        : ${i.recordCount}\n` +
    `Free Space                          : ${free}\n` +
    `Most recent Addition                : ${i.partialAddSupported ? timestampNumeric(i.mostRecentAddition, time) : 'NA'}\n` +
    `Most recent Erase                   : ${i.deleteSupported ? timestampNumeric(i.mostRecentErase, time) : 'NA'}\n` +
    `SDR overflow                        : ${yn(i.overflow)}\n` +
    `SDR Repository Update Support       : ${modes}\n` +
    `Delete SDR supported                : ${yn(i.deleteSupported)}\n` +
    `Partial Add SDR supported           : ${yn(i.partialAddSupported)}\n` +
    `Reserve SDR repository supported    : ${yn(i.reserveSupported)}\n` +
    `SDR Repository Alloc info supported : ${yn(i.allocInfoSupported)}\n`
  );
}

/** The codes of ipmitool 1.8.19's entity table (entity_id_vals), in its order: 0x00-0x42, then PICMG. */
export const ENTITY_ID_CODES: readonly number[] = [
  ...Array.from({ length: 0x43 }, (_, i) => i),
  0xa0,
  0xc0,
  0xc1,
  0xf0,
  0xf1,
  0xf2,
  0xf3,
];

/** `sdr entity` without an argument (or `help`, `list`): the entity table in two columns. */
export function formatEntityIdList(): string {
  let out = '\nEntity IDs:\n\n';
  const cell = (code: number) => `${right(String(code), 4)}  ${left(entityIdName(code), 32)}`;
  for (let i = 0; i < ENTITY_ID_CODES.length; i += 2) {
    const a = ENTITY_ID_CODES[i]!;
    const b = ENTITY_ID_CODES[i + 1];
    out += b === undefined ? `  ${cell(a)}\n` : `  ${cell(a)}    ${cell(b)}\n`;
  }
  return out + '\n';
}

/** Which records `sdr entity` shows: sensors, event-only sensors and the locators of that entity. */
export interface EntityFilter {
  id: number;
  /** undefined: every instance */
  instance: number | undefined;
}

export function recordOfEntity(rec: SdrRecord, f: EntityFilter): boolean {
  if (
    rec.kind !== 'full' &&
    rec.kind !== 'compact' &&
    rec.kind !== 'event-only' &&
    rec.kind !== 'fru-locator' &&
    rec.kind !== 'mc-locator' &&
    rec.kind !== 'generic-locator'
  )
    return false; // entity associations match in ipmitool too, but print nothing
  return rec.entityId === f.id && (f.instance === undefined || rec.entityInstance === f.instance);
}
