// `sel info`, `sel list` and `sel elist` text exactly as ipmitool 1.8.19 prints it (lib/ipmi_sel.c
// ipmi_sel_get_info, ipmi_sel_print_std_entry). Pure: the SDR lookup for `elist` is passed in.
import type { SelAllocationInfo, SelInfo } from '../../ipmi/commands/storage/sel';
import {
  eventOffset,
  hasTriggerReading,
  hasTriggerThreshold,
  SEL_TIME_INIT_DONE,
  type SelRecord,
  type SystemEventRecord,
} from '../../ipmi/decode/sel-record';
import { eventText } from '../../ipmi/decode/event-reading-types';
import { sensorTypeLabel } from '../../ipmi/decode/sensor-types';
import { timestampDate, timestampNumeric, timestampTime, type TimeOptions } from './ipmi-time';

/** What `elist` needs from the SDR record of an event's sensor. */
export interface SelSensor {
  /** the SDR ID string */
  name: string;
  /** converts a raw reading or threshold with the SDR factors; undefined when the SDR has none */
  convert?: (raw: number) => number;
  /** ipmitool's unit string, e.g. "degrees C" */
  unit?: string;
}

/** Finds the SDR of an event's sensor, matching ipmitool: sensor number, owner ID = generator ID low
 *  byte, and sensor type. */
export type SelSensorLookup = (
  generatorId: number,
  sensorNumber: number,
  sensorType: number,
) => SelSensor | undefined;

export function formatSelInfo(
  info: SelInfo,
  alloc: SelAllocationInfo | undefined,
  opts: TimeOptions = {},
): string {
  const v = info.version;
  const lines = ['SEL Information'];
  lines.push(
    `Version          : ${v & 0xf}.${(v >> 4) & 0xf} (${v === 0x51 || v === 0x02 ? 'v1.5, v2 compliant' : 'Unknown'})`,
  );
  lines.push(`Entries          : ${info.entries}`);
  // ipmitool's format leaves a trailing space when the "or more" is not printed.
  lines.push(`Free Space       : ${info.freeSpace} bytes ${info.freeSpace === 65535 ? 'or more' : ''}`);
  const used = info.entries * 16;
  const total = info.freeSpace + used;
  const pct = info.entries ? Math.trunc((100 * used) / total) : 0;
  lines.push(`Percent Used     : ${total >= 65535 ? 'unknown' : `${pct}%`}`);
  const stamp = (t: number) => (t === 0xffffffff || t === 0 ? 'Not Available' : timestampNumeric(t, opts));
  lines.push(`Last Add Time    : ${stamp(info.lastAddTime)}`);
  lines.push(`Last Del Time    : ${stamp(info.lastEraseTime)}`);
  lines.push(`Overflow         : ${info.overflow ? 'true' : 'false'}`);
  let ops = '';
  if (info.operations & 0x0f) {
    if (info.supportsDelete) ops += "'Delete' ";
    if (info.supportsPartialAdd) ops += "'Partial Add' ";
    if (info.supportsReserve) ops += "'Reserve' ";
    if (info.supportsAllocationInfo) ops += "'Get Alloc Info' ";
  } else ops = 'None';
  lines.push(`Supported Cmds   : ${ops}`);
  if (alloc) {
    lines.push(`# of Alloc Units : ${alloc.allocationUnits}`);
    lines.push(`Alloc Unit Size  : ${alloc.allocationUnitSize}`);
    lines.push(`# Free Units     : ${alloc.freeUnits}`);
    lines.push(`Largest Free Blk : ${alloc.largestFreeBlock}`);
    lines.push(`Max Record Size  : ${alloc.maxRecordSize}`);
  }
  return lines.join('\n') + '\n';
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');
const hexBytes = (b: Uint8Array) => Array.from(b, hex2).join('');

/** What ipmitool prints instead of the standard text on some vendors' BMCs (Supermicro: an OEM suffix
 *  in parentheses, and no "CPU n DIMM m" tail for memory ECC events). */
export interface SelOemText {
  /** undefined: no description at all (ipmitool's NULL; `sel save` writes "Unknown") */
  description: string | undefined;
  hideEccLocation: boolean;
}

/** The event description ipmitool prints: the sensor-specific (0x6F) or generic table entry for the
 *  offset, matching event data 2 only when event data 1 says byte 2 is specified. '' when none. */
export function selEventText(r: SystemEventRecord): string {
  const data2Specified = (r.eventData[0] & 0xc0) !== 0;
  return (
    eventText(r.sensorType, r.eventType, eventOffset(r), data2Specified ? r.eventData[1] : undefined) ?? ''
  );
}

// printf("%.*f", v == (int)v ? 0 : 2, v) on a C float
function cNumber(v: number): string {
  const f = Math.fround(v);
  return f === Math.trunc(f) ? f.toFixed(0) : f.toFixed(2);
}

/** One `sel list` (lookup undefined) or `sel elist` line, newline included; `csv` selects ipmitool's
 *  `-c` form (commas for the " | " separators, and empty fields where a column has no value). */
export function formatSelLine(
  rec: SelRecord,
  opts: TimeOptions & {
    lookup?: SelSensorLookup | undefined;
    csv?: boolean | undefined;
    /** a vendor's description in place of the standard one (see SelOemText) */
    oem?: SelOemText | undefined;
  } = {},
): string {
  const csv = opts.csv === true;
  const sep = csv ? ',' : ' | ';
  let s = csv ? `${rec.recordId.toString(16)},` : `${rec.recordId.toString(16).padStart(4, ' ')} | `;
  const bytes = rec.kind === 'oem' ? rec.oemData : undefined;
  if (rec.recordType === 0xf0 && bytes) {
    // ipmitool prints record bytes 5.. (OEM data from its third byte) as a string, up to 11 characters.
    const text = Buffer.from(bytes.subarray(2, 13)).toString('latin1');
    return `${s}${csv ? ',,' : ''}Linux kernel panic: ${text.split('\0')[0]}\n`;
  }
  if (rec.kind !== 'oem') {
    if (rec.timestamp < SEL_TIME_INIT_DONE)
      s += ` Pre-Init ${csv ? ',' : ' |'}${String(rec.timestamp).padStart(10, '0')}${csv ? ',' : '| '}`;
    else s += `${timestampDate(rec.timestamp, opts)}${sep}${timestampTime(rec.timestamp, opts)}${sep}`;
  } else if (csv) s += ',,';
  if (rec.kind === 'oem-timestamped') {
    const m = rec.manufacturerId;
    return `${s}OEM record ${hex2(rec.recordType)}${sep}${hex2((m >> 16) & 0xff)}${hex2((m >> 8) & 0xff)}${hex2(m & 0xff)}${sep}${hexBytes(rec.oemData)}\n`;
  }
  if (rec.kind === 'oem') return `${s}OEM record ${hex2(rec.recordType)}${sep}${hexBytes(rec.oemData)}\n`;

  const sensor = opts.lookup?.(rec.generatorId, rec.sensorNumber, rec.sensorType);
  if (sensor) s += `${sensorTypeLabel(rec.sensorType)} ${sensor.name}`;
  else {
    s += sensorTypeLabel(rec.sensorType);
    if (rec.sensorNumber !== 0) s += ` #0x${hex2(rec.sensorNumber)}`;
  }
  s += `${sep}${opts.oem ? (opts.oem.description ?? '') : selEventText(rec)}${sep}${rec.deassertion ? 'Deasserted' : 'Asserted'}`;
  if (sensor && rec.eventType === 0x01) {
    const convert = sensor.convert ?? ((raw: number) => raw);
    const reading = hasTriggerReading(rec) ? convert(rec.eventData[1]) : 0;
    s += `${sep}Reading ${cNumber(reading)}`;
    if (hasTriggerThreshold(rec)) {
      // Even threshold offsets are "going low", odd "going high"; a deassertion reverses the inequality.
      const goingHigh = (eventOffset(rec) % 2 === 1) !== rec.deassertion;
      s += ` ${goingHigh ? '>' : '<'} Threshold ${cNumber(convert(rec.eventData[2]))} ${sensor.unit ?? ''}`;
    }
  } else if (
    !opts.oem?.hideEccLocation &&
    rec.eventType === 0x6f &&
    rec.sensorType === 0x0c &&
    rec.sensorNumber === 0 &&
    (rec.eventData[0] & 0x30) === 0x20
  ) {
    // Memory ECC events from sensor 0 carry the CPU and DIMM in event data 3.
    s += `${sep}CPU ${rec.eventData[2] & 0x0f} DIMM ${rec.eventData[2] >> 4}`;
  }
  return s + '\n';
}
