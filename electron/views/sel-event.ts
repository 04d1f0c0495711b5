// The SEL event view (shared/domain/sel.ts) built from a record's bytes, the SDR and, on BMCs whose
// vendor texts ipmitool knows, the vendor's description. Also the one SEL→SDR matcher: every printer
// (`sel elist`, `sel get`) and the app find an event's sensor record through matchSelSdr.
import type { SdrRecord } from '../ipmi/decode/sdr/sdr-record';
import type { FullSensorRecord } from '../ipmi/decode/sdr/full-sensor-record';
import type { CompactSensorRecord } from '../ipmi/decode/sdr/compact-sensor-record';
import type { EventOnlyRecord } from '../ipmi/decode/sdr/event-only-record';
import {
  decodeSelRecord,
  eventOffset,
  hasTriggerReading,
  hasTriggerThreshold,
  SEL_TIME_INIT_DONE,
  SEL_TIME_UNSPECIFIED,
  type SystemEventRecord,
} from '../ipmi/decode/sel-record';
import type { SelInfo } from '../ipmi/commands/storage/sel';
import { eventText, stateEntries } from '../ipmi/decode/event-reading-types';
import { sensorTypeLabel } from '../ipmi/decode/sensor-types';
import { convertReading } from '../ipmi/decode/reading-conversion';
import { unitString } from '../ipmi/decode/units';
import type { SelEvent, SelInfoView, SelSeverity, SelTime } from '../../shared/domain/sel';
import type { StateCode } from '../../shared/domain/state-code';

export type SelSensorRecord = FullSensorRecord | CompactSensorRecord | EventOnlyRecord;

/** ipmitool's ipmi_sdr_find_sdr_bynumtype: the first full, compact or event-only record in SDR order
 *  with the event's sensor number, owner ID equal to the generator ID's low byte, and sensor type. */
export function matchSelSdr(
  records: readonly SdrRecord[],
  generatorId: number,
  sensorNumber: number,
  sensorType: number,
): SelSensorRecord | undefined {
  for (const r of records) {
    if (r.kind !== 'full' && r.kind !== 'compact' && r.kind !== 'event-only') continue;
    if (r.number === sensorNumber && r.ownerId === (generatorId & 0xff) && r.sensorType === sensorType)
      return r;
  }
  return undefined;
}

/** matchSelSdr over one SDR, remembered per (owner, number, type): a SEL repeats the same sensors. */
export type SelSdrMatcher = (
  generatorId: number,
  sensorNumber: number,
  sensorType: number,
) => SelSensorRecord | undefined;

export function selSdrMatcher(records: readonly SdrRecord[]): SelSdrMatcher {
  const memo = new Map<number, SelSensorRecord | undefined>();
  return (generatorId, sensorNumber, sensorType) => {
    const key = ((generatorId & 0xff) << 16) | (sensorNumber << 8) | sensorType;
    if (!memo.has(key)) memo.set(key, matchSelSdr(records, generatorId, sensorNumber, sensorType));
    return memo.get(key);
  };
}

/** A vendor's description in place of the standard one (Supermicro: an OEM suffix in parentheses, and
 *  no "CPU n DIMM m" location for memory ECC events). */
export interface SelVendorText {
  /** undefined: no description at all (ipmitool's NULL; `sel save` writes "Unknown") */
  description: string | undefined;
  hideEccLocation: boolean;
}

/** The standard event description: the sensor-specific (0x6F) or generic table entry for the offset,
 *  matching event data 2 only when event data 1 says byte 2 is specified. '' when none. */
export function selEventText(r: SystemEventRecord): string {
  const data2Specified = (r.eventData[0] & 0xc0) !== 0;
  return (
    eventText(r.sensorType, r.eventType, eventOffset(r), data2Specified ? r.eventData[1] : undefined) ?? ''
  );
}

/** The standard description's state as codes (for the renderer's other languages); undefined when the
 *  tables have no text for it. Event data 2 goes along only where it chose the text. */
export function selStateCode(r: SystemEventRecord): StateCode | undefined {
  if (selEventText(r) === '') return undefined;
  const code: StateCode = { readingType: r.eventType, sensorType: r.sensorType, offset: eventOffset(r) };
  const byData2 = stateEntries(r.sensorType, r.eventType).some(
    ([o, , d2]) => o === code.offset && d2 !== undefined,
  );
  if (byData2 && (r.eventData[0] & 0xc0) !== 0) code.data2 = r.eventData[1];
  return code;
}

export type SelEventTypeName = NonNullable<SelEvent['eventType']>['name'];

/** IPMI v2.0 Table 42-1 classes of event/reading type codes, in ipmitool's words. */
export function selEventTypeName(code: number): SelEventTypeName {
  if (code === 0) return 'Unspecified';
  if (code === 1) return 'Threshold';
  if (code >= 0x02 && code <= 0x0b) return 'Generic Discrete';
  if (code === 0x6f) return 'Sensor-specific Discrete';
  if (code >= 0x70 && code <= 0x7f) return 'OEM';
  return 'Reserved';
}

export function selTime(seconds: number): SelTime {
  const preInit = seconds < SEL_TIME_INIT_DONE;
  const unspecified = seconds === SEL_TIME_UNSPECIFIED;
  const t: SelTime = { seconds, preInit, unspecified };
  if (!preInit && !unspecified) t.iso = new Date(seconds * 1000).toISOString();
  return t;
}

/** Sensor-specific states that mean a failure (IPMI v2.0 Table 42-3), by sensor type → offsets; the
 *  rest of the sensor-specific states are informational. A small, deliberate list: a wrong "critical"
 *  is worse than an honest "info". */
const CRITICAL_STATES: Readonly<Record<number, readonly number[]>> = {
  0x07: [0, 1, 2, 3, 4, 6, 11], // processor: IERR, thermal trip, FRB1-3, uncorrectable complex/machine check
  0x08: [1, 3, 4], // power supply: failure, input lost, input lost or out of range
  0x0c: [1, 2, 3, 10], // memory: uncorrectable ECC, parity, scrub failed, critical overtemperature
  0x0d: [1, 6], // drive slot: fault, in failed array
  0x0f: [0, 1], // system firmware: error, hang
  0x13: [1, 4, 5, 8, 9, 10], // critical interrupt: bus timeout, PCI PERR/SERR, bus uncorrectable/fatal, fatal NMI
  0x19: [0, 1], // chipset: soft power control failure, thermal trip
  0x20: [0, 1], // OS stop: critical stop during load, run-time critical stop
  0x21: [0], // slot/connector: fault
  0x28: [2, 3, 4, 5], // management subsystem health: controller offline/unavailable, sensor/FRU failure
};
const WARNING_STATES: Readonly<Record<number, readonly number[]>> = {
  0x05: [0], // physical security: general chassis intrusion
  0x07: [5, 8, 10, 12], // processor: configuration error, disabled, throttled, correctable machine check
  0x08: [2, 5, 6], // power supply: predictive failure, input out of range, configuration error
  0x0c: [0, 4, 5, 7, 9], // memory: correctable ECC, disabled, logging limit, configuration error, throttled
  0x0d: [2, 5, 8], // drive slot: predictive failure, in critical array, rebuild aborted
  0x10: [4, 5], // event logging: SEL full, SEL almost full
  0x13: [7, 11], // critical interrupt: bus correctable error, bus degraded
  0x20: [5], // OS stop: agent not responding
  0x23: [0, 1, 2, 3], // watchdog 2: expired, hard reset, power down, power cycle
  0x28: [0, 1], // management subsystem health: sensor/controller access degraded
};

/** What the event means for the operator: deassertions and unknown states are info; a threshold
 *  crossing is a warning for non-critical thresholds and critical for critical and non-recoverable;
 *  generic severity (0x07) states map by name; sensor-specific states by the tables above. */
export function selSeverity(r: SystemEventRecord): SelSeverity {
  if (r.deassertion) return 'info';
  const offset = eventOffset(r);
  if (r.eventType === 0x01) {
    // offsets 0-5 lower nc/c/nr, 6-11 upper nc/c/nr, each going low then going high
    if (offset > 0x0b) return 'info';
    return Math.floor((offset % 6) / 2) === 0 ? 'warning' : 'critical';
  }
  if (r.eventType === 0x07) {
    if ([1, 4].includes(offset)) return 'warning';
    if ([2, 3, 5, 6].includes(offset)) return 'critical';
    return 'info';
  }
  if (r.eventType === 0x6f) {
    if (CRITICAL_STATES[r.sensorType]?.includes(offset)) return 'critical';
    if (WARNING_STATES[r.sensorType]?.includes(offset)) return 'warning';
  }
  return 'info';
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function unitOf(rec: SelSensorRecord): string {
  if (rec.kind === 'event-only') return '';
  const u = rec.units;
  return unitString(u.percentage, u.modifierRelation, u.baseUnit, u.modifierUnit);
}

/** A raw trigger byte in the sensor's units: only full records carry conversion factors; for the
 *  others (and a conversion that yields no number) the raw byte is the value, as ipmitool prints it. */
function valueOf(rec: SelSensorRecord, raw: number) {
  const v = rec.kind === 'full' ? (convertReading(rec, raw) ?? raw) : raw;
  return { value: Number.isFinite(v) ? v : raw, unit: unitOf(rec), raw };
}

export interface SelEventViewOptions {
  /** finds the event's sensor record; without it no names, readings or thresholds in units */
  sdr?: SelSdrMatcher | undefined;
  /** the vendor's text for this record (see SelVendorText), when the BMC's vendor has its own */
  vendor?: SelVendorText | undefined;
}

/** The view of one 16-byte SEL record. Never throws on a record's contents: any byte pattern is a
 *  valid record of some type. */
export function selEventView(bytes: Uint8Array, opts: SelEventViewOptions = {}): SelEvent {
  const rec = decodeSelRecord(bytes);
  const raw = hex(bytes.subarray(0, 16));
  if (rec.kind === 'oem') {
    const ev: SelEvent = {
      id: rec.recordId,
      recordType: rec.recordType,
      kind: 'oem',
      severity: 'info',
      description: '',
      oemData: hex(rec.oemData),
      raw,
    };
    // ipmitool shows record bytes 5.. of type 0xF0 as the text of a Linux kernel panic
    if (rec.recordType === 0xf0)
      ev.panic = Buffer.from(rec.oemData.subarray(2, 13)).toString('latin1').split('\0')[0];
    return ev;
  }
  if (rec.kind === 'oem-timestamped')
    return {
      id: rec.recordId,
      recordType: rec.recordType,
      kind: 'oem-timestamped',
      time: selTime(rec.timestamp),
      severity: 'info',
      description: '',
      manufacturerId: rec.manufacturerId,
      oemData: hex(rec.oemData),
      raw,
    };
  const sdr = opts.sdr?.(rec.generatorId, rec.sensorNumber, rec.sensorType);
  const ev: SelEvent = {
    id: rec.recordId,
    recordType: rec.recordType,
    kind: 'system',
    time: selTime(rec.timestamp),
    sensor: {
      number: rec.sensorNumber,
      type: rec.sensorType,
      typeName: sensorTypeLabel(rec.sensorType),
      generatorId: rec.generatorId,
      ...(sdr && {
        sdr: {
          name: sdr.id,
          recordKind: sdr.kind,
          entityId: sdr.entityId,
          entityInstance: sdr.entityInstance,
        },
      }),
    },
    eventType: { code: rec.eventType, name: selEventTypeName(rec.eventType) },
    direction: rec.deassertion ? 'deassertion' : 'assertion',
    offset: eventOffset(rec),
    severity: selSeverity(rec),
    description: opts.vendor ? (opts.vendor.description ?? '') : selEventText(rec),
    raw,
  };
  const code = opts.vendor ? undefined : selStateCode(rec);
  if (code) ev.stateCode = code;
  if (sdr && rec.eventType === 0x01) {
    if (hasTriggerReading(rec)) ev.reading = valueOf(sdr, rec.eventData[1]);
    if (hasTriggerThreshold(rec)) {
      // Even threshold offsets are "going low", odd "going high"; a deassertion reverses the inequality.
      const goingHigh = (eventOffset(rec) % 2 === 1) !== rec.deassertion;
      ev.threshold = { ...valueOf(sdr, rec.eventData[2]), crossed: goingHigh ? 'above' : 'below' };
    }
  }
  if (
    !opts.vendor?.hideEccLocation &&
    rec.eventType === 0x6f &&
    rec.sensorType === 0x0c &&
    rec.sensorNumber === 0 &&
    (rec.eventData[0] & 0x30) === 0x20
  )
    // memory ECC events from sensor 0 carry the CPU and DIMM in event data 3
    ev.memory = { cpu: rec.eventData[2] & 0x0f, dimm: rec.eventData[2] >> 4 };
  return ev;
}

/** Get SEL Info as the view; timestamps 0 and 0xFFFFFFFF mean "never". */
export function selInfoView(info: SelInfo): SelInfoView {
  const v = info.version;
  const stamp = (t: number) => (t === 0 || t === SEL_TIME_UNSPECIFIED ? undefined : selTime(t));
  const lastAdd = stamp(info.lastAddTime);
  const lastErase = stamp(info.lastEraseTime);
  return {
    version: `${v & 0xf}.${(v >> 4) & 0xf}`,
    entries: info.entries,
    freeSpace: info.freeSpace,
    ...(lastAdd && { lastAdd }),
    ...(lastErase && { lastErase }),
    overflow: info.overflow,
    supports: {
      delete: info.supportsDelete,
      partialAdd: info.supportsPartialAdd,
      reserve: info.supportsReserve,
      allocationInfo: info.supportsAllocationInfo,
    },
  };
}
