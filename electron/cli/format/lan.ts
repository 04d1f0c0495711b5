// `ipmitool lan print` text (lib/ipmi_lanp.c ipmi_lan_print, 1.8.19). A parameter the BMC does not
// support prints nothing, except the two lines ipmitool always prints ("Not Available").
import {
  decodeAuthTypeEnables,
  decodeBadPasswordThreshold,
  decodeCipherSuitePrivileges,
  decodeCommunity,
  decodeVlan,
} from '../../ipmi/commands/transport/lan-config';
import type { LanConfigurationData } from '../../ipmi/commands/transport/lan-configuration';
import { formatIpv4, formatMac } from '../../ipmi/commands/transport/ipv4';

const label = (s: string) => s.padEnd(24) + ': ';

/** ipmitool's auth-type list here: fixed order, each name followed by a blank. */
function authTypes(b: number): string {
  return (
    (b & 1 ? 'NONE ' : '') +
    (b & 2 ? 'MD2 ' : '') +
    (b & 4 ? 'MD5 ' : '') +
    (b & 16 ? 'PASSWORD ' : '') +
    (b & 32 ? 'OEM ' : '')
  );
}

const SET_IN_PROGRESS = ['Set Complete', 'Set In Progress', 'Commit Write', 'Reserved'];
const IP_SOURCE: Record<number, string> = {
  0: 'Unspecified',
  1: 'Static Address',
  2: 'DHCP Address',
  3: 'BIOS Assigned Address',
};
const PRIV_CHAR: Record<number, string> = { 1: 'c', 2: 'u', 3: 'o', 4: 'a', 5: 'O' };

const hex2 = (n: number) => '0x' + n.toString(16).padStart(2, '0');

export function formatLanPrint(p: LanConfigurationData): string {
  let s = '';
  const line = (name: string, value: string) => (s += label(name) + value + '\n');
  if (p.setInProgress) line('Set in Progress', SET_IN_PROGRESS[p.setInProgress[0]! & 3]!);
  if (p.authTypeSupport) line('Auth Type Support', authTypes(p.authTypeSupport[0]!));
  if (p.authTypeEnables) {
    const e = decodeAuthTypeEnables(p.authTypeEnables);
    line('Auth Type Enable', 'Callback : ' + authTypes(e.callback));
    line('', 'User     : ' + authTypes(e.user));
    line('', 'Operator : ' + authTypes(e.operator));
    line('', 'Admin    : ' + authTypes(e.admin));
    line('', 'OEM      : ' + authTypes(e.oem));
  }
  if (p.ipAddressSource) line('IP Address Source', IP_SOURCE[p.ipAddressSource[0]! & 0x0f] ?? 'Other');
  if (p.ipAddress) line('IP Address', formatIpv4(p.ipAddress));
  if (p.subnetMask) line('Subnet Mask', formatIpv4(p.subnetMask));
  if (p.macAddress) line('MAC Address', formatMac(p.macAddress));
  if (p.communityString) line('SNMP Community String', decodeCommunity(p.communityString));
  if (p.ipHeader) {
    const [ttl, flags, tos] = [p.ipHeader[0]!, p.ipHeader[1]!, p.ipHeader[2]!];
    line(
      'IP Header',
      `TTL=${hex2(ttl)} Flags=${hex2(flags & 0xe0)} Precedence=${hex2(tos & 0xe0)} TOS=${hex2(tos & 0x1e)}`,
    );
  }
  if (p.bmcArpControl) {
    const b = p.bmcArpControl[0]!;
    line(
      'BMC ARP Control',
      `ARP Responses ${b & 2 ? 'En' : 'Dis'}abled, Gratuitous ARP ${b & 1 ? 'En' : 'Dis'}abled`,
    );
  }
  // ipmitool divides as integers before printing with one decimal, so 1.5 s shows as "1.0"
  if (p.gratuitousArpInterval)
    line('Gratituous ARP Intrvl', `${Math.trunc((p.gratuitousArpInterval[0]! + 1) / 2)}.0 seconds`);
  if (p.defaultGatewayIp) line('Default Gateway IP', formatIpv4(p.defaultGatewayIp));
  if (p.defaultGatewayMac) line('Default Gateway MAC', formatMac(p.defaultGatewayMac));
  if (p.backupGatewayIp) line('Backup Gateway IP', formatIpv4(p.backupGatewayIp));
  if (p.backupGatewayMac) line('Backup Gateway MAC', formatMac(p.backupGatewayMac));
  if (p.vlanId) {
    const v = decodeVlan(p.vlanId);
    line('802.1q VLAN ID', v.enabled ? String(v.id) : 'Disabled');
  }
  if (p.vlanPriority) line('802.1q VLAN Priority', String(p.vlanPriority[0]! & 0x07));
  if (p.cipherSuiteEntrySupport) {
    const count = p.cipherSuiteEntrySupport[0]!;
    const e = p.cipherSuiteEntries;
    // byte 1 of parameter 23 is reserved; the entries follow
    const ids = e && e.length <= 17 ? Array.from(e.subarray(1, 1 + Math.min(16, count))).join(',') : 'None';
    line('RMCP+ Cipher Suites', ids);
  }
  if (p.cipherSuitePrivileges && p.cipherSuitePrivileges.length === 9) {
    // ipmitool shows the 15 fixed suite entries (0-14), "X" for unused
    const levels = decodeCipherSuitePrivileges(p.cipherSuitePrivileges).slice(0, 15);
    line('Cipher Suite Priv Max', levels.map((l) => PRIV_CHAR[l] ?? 'X').join(''));
    for (const legend of ['X=Cipher Suite Unused', 'c=CALLBACK', 'u=USER', 'o=OPERATOR', 'a=ADMIN', 'O=OEM'])
      line('', '    ' + legend);
  } else line('Cipher Suite Priv Max', 'Not Available');
  if (p.badPasswordThreshold && p.badPasswordThreshold.length === 6) {
    const t = decodeBadPasswordThreshold(p.badPasswordThreshold);
    line('Bad Password Threshold', String(t.threshold));
    line('Invalid password disable', t.generateEvent ? 'yes' : 'no');
    line('Attempt Count Reset Int.', String(t.resetIntervalSeconds));
    line('User Lockout Interval', String(t.lockoutIntervalSeconds));
  } else line('Bad Password Threshold', 'Not Available');
  return s;
}
