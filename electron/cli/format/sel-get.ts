// `sel get <id>` text as ipmitool 1.8.19 prints it (lib/ipmi_sel.c ipmi_sel_show_entry,
// ipmi_sel_print_extended_entry_verbose, ipmi_sel_print_std_entry_verbose; the event-only block of
// lib/ipmi_sdr.c ipmi_sdr_print_sensor_eventonly). Pure: the event's view (its raw bytes for the fields
// ipmitool reads through its standard-record union) and the SDR in, text out.
//
// Two ipmitool quirks are kept because scripts see them: the "Timestamp" line prints the date twice
// (ipmitool's date and time helpers share one buffer), and an OEM record is also looked up in the SDR
// through the system-event field positions, as ipmitool reads them through its union.
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import type { EventOnlyRecord } from '../../ipmi/decode/sdr/event-only-record';
import { decodeSelRecord, type SystemEventRecord } from '../../ipmi/decode/sel-record';
import { sensorTypeLabel } from '../../ipmi/decode/sensor-types';
import { convertReading } from '../../ipmi/decode/reading-conversion';
import { unitString } from '../../ipmi/decode/units';
import { entityIdName } from '../../ipmi/decode/entity-ids';
import { fixed, hex2 } from './c-number';
import { timestampDate, type TimeOptions } from './ipmi-time';
import { selEventText, selEventTypeName } from '../../views/sel-event';
import type { SelEvent } from '../../../shared/domain/sel';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
const hexBytes = (b: Uint8Array) => Array.from(b, hex2).join('');

/** ipmitool's hex2ascii: bytes outside 0x40-0x7E become '.'. */
function ascii(b: Uint8Array): string {
  return Array.from(b, (c) => (c < 0x40 || c > 0x7e ? '.' : String.fromCharCode(c))).join('');
}

/**
 * The record read through ipmitool's standard-record view whatever its type: for OEM timestamped
 * records ipmitool stores the manufacturer ID byte-reversed, so the generator ID and EvM revision it
 * later reads from that storage differ from the wire positions.
 */
export function standardView(bytes: Uint8Array): SystemEventRecord {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  if (b[2]! >= 0xc0 && b[2]! < 0xe0) {
    const [m0, m1, m2] = [b[7]!, b[8]!, b[9]!];
    b[7] = m2;
    b[8] = m1;
    b[9] = m0;
  }
  const r = decodeSelRecord(Uint8Array.from([b[0]!, b[1]!, 0x02, ...b.subarray(3)]));
  if (r.kind !== 'system') throw new Error('unreachable');
  return { ...r, recordType: b[2]! };
}

/** ipmitool's sel get "not found": record type, sensor type and number all zero. */
export function isEmptySelRecord(bytes: Uint8Array): boolean {
  return bytes[2] === 0 && bytes[10] === 0 && bytes[11] === 0;
}

function timestampLine(stamp: number, time: TimeOptions): string {
  const d = timestampDate(stamp, time);
  return ` Timestamp             : ${d} ${d}\n`;
}

function panicLines(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.subarray(5, 16)).toString('latin1').split('\0')[0];
  return (
    ` Record Type           : Linux kernel panic (OEM record ${hex2(bytes[2]!)})\n` +
    ` Panic string          : ${text}\n\n`
  );
}

function eventLines(v: SystemEventRecord): string {
  return (
    ` Generator ID          : ${hex4(v.generatorId)}\n` +
    ` EvM Revision          : ${hex2(v.evmRevision)}\n` +
    ` Sensor Type           : ${sensorTypeLabel(v.sensorType)}\n` +
    ` Sensor Number         : ${hex2(v.sensorNumber)}\n` +
    ` Event Type            : ${selEventTypeName(v.eventType)}\n` +
    ` Event Direction       : ${v.deassertion ? 'Deassertion Event' : 'Assertion Event'}\n`
  );
}

const eventData = (v: SystemEventRecord) => v.eventData.map(hex2).join('');

/** A system event's description is the view's (vendor texts included); ipmitool describes an OEM record
 *  too, through the standard-record positions. */
const description = (ev: SelEvent, v: SystemEventRecord) =>
  ev.kind === 'system' ? ev.description : selEventText(v);

/** ipmi_sel_print_std_entry_verbose: the record when no SDR describes its sensor. */
export function selEntryVerbose(ev: SelEvent, time: TimeOptions = {}): string {
  const bytes = Buffer.from(ev.raw, 'hex');
  const type = bytes[2]!;
  const v = standardView(bytes);
  let out = `SEL Record ID          : ${hex4(v.recordId)}\n`;
  if (type === 0xf0) return out + panicLines(bytes);
  out += ` Record Type           : ${hex2(type)}`;
  if (type >= 0xc0) out += type < 0xe0 ? '  (OEM timestamped)' : '  (OEM non-timestamped)';
  out += '\n';
  if (type < 0xe0) out += timestampLine(v.timestamp, time);
  if (type >= 0xc0) {
    if (type < 0xe0) {
      const oem = bytes.subarray(10, 16);
      out += ` Manufactacturer ID    : ${hex2(bytes[9]!)}${hex2(bytes[8]!)}${hex2(bytes[7]!)}\n`;
      out += ` OEM Defined           : ${hexBytes(oem)} [${ascii(oem)}]\n\n`;
    } else {
      const oem = bytes.subarray(3, 16);
      out += ` OEM Defined           : ${hexBytes(oem)} [${ascii(oem)}]\n\n`;
    }
    return out;
  }
  return (
    out +
    eventLines(v) +
    ` Event Data            : ${eventData(v)}\n` +
    ` Description           : ${description(ev, v)}\n\n`
  );
}

function unitsOf(rec: SdrRecord): string {
  if (rec.kind !== 'full' && rec.kind !== 'compact') return '';
  const u = rec.units;
  return unitString(u.percentage, u.modifierRelation, u.baseUnit, u.modifierUnit);
}

/** ipmi_sel_print_extended_entry_verbose: the record with its event data broken down using `sdr`. */
export function selEntryExtendedVerbose(ev: SelEvent, sdr: SdrRecord, time: TimeOptions = {}): string {
  const bytes = Buffer.from(ev.raw, 'hex');
  const type = bytes[2]!;
  const v = standardView(bytes);
  let out = `SEL Record ID          : ${hex4(v.recordId)}\n`;
  if (type === 0xf0) return out + panicLines(bytes);
  out += ` Record Type           : ${hex2(type)}\n`;
  if (type < 0xe0) out += timestampLine(v.timestamp, time);
  out += eventLines(v) + ` Event Data (RAW)      : ${eventData(v)}\n`;
  const [d1, d2, d3] = v.eventData;
  if (v.eventType === 1 && sdr.kind === 'full') {
    const value = (raw: number) => `${fixed(convertReading(sdr, raw) ?? 0, 3)}${unitsOf(sdr)}`;
    const byte = (code: number, raw: number, reading: string) => {
      if (code === 1) return ` ${reading}: ${value(raw)}\n`;
      if (code === 2) return ` OEM Data              : ${hex2(raw)}\n`;
      if (code === 3) return ` Sensor Extension Code : ${hex2(raw)}\n`;
      return '';
    };
    out += byte((d1 >> 6) & 3, d2, 'Trigger Reading       ');
    out += byte((d1 >> 4) & 3, d3, 'Trigger Threshold     ');
  } else if (v.eventType >= 0x02 && v.eventType <= 0x0c) {
    // generic discrete: nothing more
  } else if (v.eventType === 0x6f) {
    if (v.sensorType === 0x0c && v.sensorNumber === 0 && (d1 & 0x30) === 0x20)
      out += ` Event Data            : CPU ${d3 & 0x0f} DIMM ${(d3 & 0xf0) >> 4}\n`;
    else if (!(v.sensorType === 0x2b && d1 === 0xc1)) out += ' Event Interpretation  : Missing\n';
  } else if (!(v.eventType >= 0x70 && v.eventType <= 0x7f)) {
    out += ` Event Data            : ${eventData(v)}\n`;
  }
  return out + ` Description           : ${description(ev, v)}\n\n`;
}

/** ipmi_sdr_print_sensor_eventonly in verbose mode, as `sel get` shows an event-only sensor. */
export function eventOnlyVerbose(rec: EventOnlyRecord): string {
  return (
    `Sensor ID              : ${rec.id} (0x${rec.number.toString(16)})\n` +
    `Entity ID              : ${rec.entityId}.${rec.entityInstance} (${entityIdName(rec.entityId)})\n` +
    `Sensor Type            : ${sensorTypeLabel(rec.sensorType)} (0x${hex2(rec.sensorType)})\n\n`
  );
}

/** The separator ipmitool prints between the records of `sel get <id> <id>...`. */
export const SEL_GET_SEPARATOR = '----------------------\n\n';
