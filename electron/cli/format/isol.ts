// `ipmitool isol info` text (lib/ipmi_isol.c ipmi_print_isol_info, 1.8.19). Pure functions.
import type { IsolConfig } from '../../ipmi/commands/transport/isol';
import { unknownValue } from './completion-code';
import { privilegeName } from './privilege-name';

const BIT_RATE: Record<number, string> = {
  0x00: 'IPMI-Over-Serial-Setting',
  0x06: '9.6',
  0x07: '19.2',
  0x08: '38.4',
  0x09: '57.6',
  0x0a: '115.2',
};

/**
 * ipmitool's CSV line ends in a comma and has no newline at all (three printf("%s,") calls); ours ends
 * the line, so `read` and line-based tools see a complete record. The fields and the comma are kept.
 */
export function formatIsolInfo(c: IsolConfig, csv = false): string {
  const enabled = c.enabled ? 'true' : 'false';
  const priv = privilegeName(c.authentication & 0x0f);
  const rate = BIT_RATE[c.bitRate & 0x0f] ?? unknownValue(c.bitRate & 0x0f);
  if (csv) return `${enabled},${priv},${rate},\n`;
  return (
    `Enabled                         : ${enabled}\n` +
    `Privilege Level                 : ${priv}\n` +
    `Bit Rate (kbps)                 : ${rate}\n`
  );
}
