// `session info` text exactly as ipmitool 1.8.19 prints it (lib/ipmi_session.c print_session_info_*),
// from the session view (electron/views/session-info.ts): a block of "name : value" lines ending in a
// blank line, or one CSV line with -c.
import type { SessionSlotView } from '../../../shared/domain/session-info';
import { privilegeName } from './privilege-name';
import { unknownValue } from './completion-code';

const ACTIVITY: Record<number, string> = {
  0: 'IPMI Messaging session active',
  1: 'Callback Messaging session active',
  2: 'Dial-out Alert active',
  3: 'TAP Page Active',
};

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** [label, value] pairs in ipmitool's order; the counts only when the slot is empty. */
function fields(s: SessionSlotView): [string, string][] {
  const f: [string, string][] = [
    ['session handle', String(s.handle)],
    ['slot count', String(s.slotCount)],
    ['active sessions', String(s.activeCount)],
  ];
  // ipmitool prints the session fields for any reply longer than 3 bytes; a 4- or 5-byte reply would
  // show whatever an earlier reply left in its buffer. The view reads 0 for what the BMC did not send.
  if (!s.session) return f;
  f.push(['user id', String(s.session.userId)]);
  f.push(['privilege level', privilegeName(s.session.privilegeLevel)]);
  f.push(['session type', s.session.protocol === 'ipmi-2.0' ? 'IPMIv2/RMCP+' : 'IPMIv1.5']);
  f.push(['channel number', `0x${hex2(s.session.channel)}`]);
  if (s.lan) {
    f.push(['console ip', s.lan.consoleIp]);
    f.push(['console mac', s.lan.consoleMac]);
    f.push(['console port', String(s.lan.consolePort)]);
  } else if (s.modem) {
    f.push([
      'Session/Channel Activity Type',
      ACTIVITY[s.modem.activityType] ?? unknownValue(s.modem.activityType),
    ]);
    f.push(['Destination selector', String(s.modem.destinationSelector)]);
    f.push(['console ip', s.modem.consoleIp]);
    if (s.modem.consolePort !== undefined) f.push(['console port', String(s.modem.consolePort)]);
  }
  return f;
}

export function formatSessionInfo(s: SessionSlotView, csv = false): string {
  const f = fields(s);
  if (csv) return f.map(([, v]) => v).join(',') + '\n';
  return f.map(([k, v]) => `${k.padEnd(30)}: ${v}\n`).join('') + '\n';
}
