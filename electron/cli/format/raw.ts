// `ipmitool raw` text (lib/ipmi_raw.c): response bytes as " xx", 16 to a line, and its error line.
import { ipmitoolCcText } from './completion-code';

export function formatRawResponse(data: Uint8Array): string {
  let out = '';
  data.forEach((b, i) => {
    if (i % 16 === 0 && i !== 0) out += '\n';
    out += ' ' + b.toString(16).padStart(2, '0');
  });
  return out + '\n';
}

export interface RawErrorContext {
  channel: number;
  netFn: number;
  lun: number;
  cmd: number;
}

const h = (n: number) => n.toString(16);

export function formatRawCompletionError(c: RawErrorContext, code: number): string {
  return `Unable to send RAW command (channel=0x${h(c.channel & 0x0f)} netfn=0x${h(c.netFn)} lun=0x${h(c.lun)} cmd=0x${h(c.cmd)} rsp=0x${h(code)}): ${ipmitoolCcText(code)}\n`;
}

export function formatRawNoResponse(c: RawErrorContext): string {
  return `Unable to send RAW command (channel=0x${h(c.channel & 0x0f)} netfn=0x${h(c.netFn)} lun=0x${h(c.lun)} cmd=0x${h(c.cmd)})\n`;
}

/** ipmitool's `raw help` (lib/ipmi_raw.c ipmi_raw_help + helper.c print_valstr). */
export const RAW_HELP =
  'RAW Commands:  raw <netfn> <cmd> [data]\n\nNetwork Function Codes:\n\n  VAL\tHEX\tSTRING\n==============================================\n' +
  [
    [0, 'Chassis'],
    [2, 'Bridge'],
    [4, 'SensorEvent'],
    [6, 'Application'],
    [8, 'Firmware'],
    [10, 'Storage'],
    [12, 'Transport'],
  ]
    .map(([v, s]) => `  ${v}\t0x${(v as number).toString(16).padStart(2, '0')}\t${s}\n`)
    .join('') +
  '\n(can also use raw hex values)\n';
