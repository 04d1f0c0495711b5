// `sel info`, `sel list` and `sel elist` text exactly as ipmitool 1.8.19 prints it (lib/ipmi_sel.c
// ipmi_sel_get_info, ipmi_sel_print_std_entry). A printer only: what each record means is in the SEL
// event view (electron/views/sel-event.ts), built with the SDR for `elist` and without it for `list`.
import type { SelAllocationInfo, SelInfo } from '../../ipmi/commands/storage/sel';
import type { SelEvent } from '../../../shared/domain/sel';
import { timestampDate, timestampNumeric, timestampTime, type TimeOptions } from './ipmi-time';

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

// printf("%.*f", v == (int)v ? 0 : 2, v) on a C float
function cNumber(v: number): string {
  const f = Math.fround(v);
  return f === Math.trunc(f) ? f.toFixed(0) : f.toFixed(2);
}

/** One `sel list` / `sel elist` line of the event's view, newline included; `csv` selects ipmitool's
 *  `-c` form (commas for the " | " separators, and empty fields where a column has no value). */
export function formatSelLine(ev: SelEvent, opts: TimeOptions & { csv?: boolean | undefined } = {}): string {
  const csv = opts.csv === true;
  const sep = csv ? ',' : ' | ';
  let s = csv ? `${ev.id.toString(16)},` : `${ev.id.toString(16).padStart(4, ' ')} | `;
  if (ev.panic !== undefined) return `${s}${csv ? ',,' : ''}Linux kernel panic: ${ev.panic}\n`;
  if (ev.time) {
    const t = ev.time.seconds;
    if (ev.time.preInit)
      s += ` Pre-Init ${csv ? ',' : ' |'}${String(t).padStart(10, '0')}${csv ? ',' : '| '}`;
    else s += `${timestampDate(t, opts)}${sep}${timestampTime(t, opts)}${sep}`;
  } else if (csv) s += ',,';
  if (ev.kind === 'oem-timestamped') {
    const m = ev.manufacturerId ?? 0;
    return `${s}OEM record ${hex2(ev.recordType)}${sep}${hex2((m >> 16) & 0xff)}${hex2((m >> 8) & 0xff)}${hex2(m & 0xff)}${sep}${ev.oemData ?? ''}\n`;
  }
  if (ev.kind === 'oem' || !ev.sensor)
    return `${s}OEM record ${hex2(ev.recordType)}${sep}${ev.oemData ?? ''}\n`;

  const sensor = ev.sensor;
  s += sensor.typeName;
  if (sensor.sdr) s += ` ${sensor.sdr.name}`;
  else if (sensor.number !== 0) s += ` #0x${hex2(sensor.number)}`;
  s += `${sep}${ev.description}${sep}${ev.direction === 'deassertion' ? 'Deasserted' : 'Asserted'}`;
  if (sensor.sdr && ev.eventType?.code === 0x01) {
    // ipmitool prints a reading of 0 when the event carries none
    s += `${sep}Reading ${cNumber(ev.reading?.value ?? 0)}`;
    const th = ev.threshold;
    if (th) s += ` ${th.crossed === 'above' ? '>' : '<'} Threshold ${cNumber(th.value)} ${th.unit}`;
  } else if (ev.memory) s += `${sep}CPU ${ev.memory.cpu} DIMM ${ev.memory.dimm}`;
  return s + '\n';
}
