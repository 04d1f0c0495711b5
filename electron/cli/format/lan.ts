// `ipmitool lan print` text (lib/ipmi_lanp.c ipmi_lan_print, 1.8.19), printed from the LAN view
// (electron/views/lan.ts decides what each field means). A parameter the BMC does not support prints
// nothing, except the two lines ipmitool always prints ("Not Available").
import type { AuthType, LanConfiguration, PrivilegeLevelName } from '../../../shared/domain/lan';

const label = (s: string) => s.padEnd(24) + ': ';

/** ipmitool's auth-type list here: fixed order, each name followed by a blank. */
const authTypes = (types: readonly AuthType[]): string => types.map((t) => t.toUpperCase() + ' ').join('');

const SET_IN_PROGRESS: Record<NonNullable<LanConfiguration['setInProgress']>, string> = {
  complete: 'Set Complete',
  'in-progress': 'Set In Progress',
  'commit-write': 'Commit Write',
  reserved: 'Reserved',
};
const IP_SOURCE: Record<NonNullable<LanConfiguration['ipAddressSource']>, string> = {
  unspecified: 'Unspecified',
  static: 'Static Address',
  dhcp: 'DHCP Address',
  bios: 'BIOS Assigned Address',
  other: 'Other',
};
const PRIV_CHAR: Record<PrivilegeLevelName, string> = {
  unused: 'X',
  callback: 'c',
  user: 'u',
  operator: 'o',
  administrator: 'a',
  oem: 'O',
};

const hex2 = (n: number) => '0x' + n.toString(16).padStart(2, '0');

export function formatLanPrint(v: LanConfiguration): string {
  let s = '';
  const line = (name: string, value: string) => (s += label(name) + value + '\n');
  if (v.setInProgress) line('Set in Progress', SET_IN_PROGRESS[v.setInProgress]);
  if (v.authTypeSupport) line('Auth Type Support', authTypes(v.authTypeSupport));
  if (v.authTypeEnables) {
    const e = v.authTypeEnables;
    line('Auth Type Enable', 'Callback : ' + authTypes(e.callback));
    line('', 'User     : ' + authTypes(e.user));
    line('', 'Operator : ' + authTypes(e.operator));
    line('', 'Admin    : ' + authTypes(e.administrator));
    line('', 'OEM      : ' + authTypes(e.oem));
  }
  if (v.ipAddressSource) line('IP Address Source', IP_SOURCE[v.ipAddressSource]);
  if (v.ipAddress !== undefined) line('IP Address', v.ipAddress);
  if (v.subnetMask !== undefined) line('Subnet Mask', v.subnetMask);
  if (v.macAddress !== undefined) line('MAC Address', v.macAddress);
  if (v.snmpCommunity !== undefined) line('SNMP Community String', v.snmpCommunity);
  if (v.ipHeader) {
    const h = v.ipHeader;
    line(
      'IP Header',
      `TTL=${hex2(h.ttl)} Flags=${hex2(h.flags)} Precedence=${hex2(h.precedence)} TOS=${hex2(h.tos)}`,
    );
  }
  if (v.arp)
    line(
      'BMC ARP Control',
      `ARP Responses ${v.arp.respond ? 'En' : 'Dis'}abled, Gratuitous ARP ${v.arp.generateGratuitous ? 'En' : 'Dis'}abled`,
    );
  // ipmitool divides as integers before printing with one decimal, so 1.5 s shows as "1.0"
  if (v.gratuitousArpIntervalSeconds !== undefined)
    line('Gratituous ARP Intrvl', `${Math.trunc(v.gratuitousArpIntervalSeconds)}.0 seconds`);
  if (v.defaultGateway !== undefined) line('Default Gateway IP', v.defaultGateway);
  if (v.defaultGatewayMac !== undefined) line('Default Gateway MAC', v.defaultGatewayMac);
  if (v.backupGateway !== undefined) line('Backup Gateway IP', v.backupGateway);
  if (v.backupGatewayMac !== undefined) line('Backup Gateway MAC', v.backupGatewayMac);
  if (v.vlan) line('802.1q VLAN ID', v.vlan.enabled ? String(v.vlan.id) : 'Disabled');
  if (v.vlanPriority !== undefined) line('802.1q VLAN Priority', String(v.vlanPriority));
  if (v.cipherSuiteCount !== undefined)
    line('RMCP+ Cipher Suites', v.cipherSuiteIds ? v.cipherSuiteIds.join(',') : 'None');
  if (v.cipherSuitePrivileges) {
    // ipmitool shows the 15 fixed suite entries (0-14), "X" for unused
    line(
      'Cipher Suite Priv Max',
      v.cipherSuitePrivileges
        .slice(0, 15)
        .map((l) => PRIV_CHAR[l])
        .join(''),
    );
    for (const legend of ['X=Cipher Suite Unused', 'c=CALLBACK', 'u=USER', 'o=OPERATOR', 'a=ADMIN', 'O=OEM'])
      line('', '    ' + legend);
  } else line('Cipher Suite Priv Max', 'Not Available');
  if (v.badPasswordThreshold) {
    const t = v.badPasswordThreshold;
    line('Bad Password Threshold', String(t.threshold));
    // ipmitool's label for bit 0, which the spec calls "generate a Session Audit event"
    line('Invalid password disable', t.generateEvent ? 'yes' : 'no');
    line('Attempt Count Reset Int.', String(t.resetIntervalSeconds));
    line('User Lockout Interval', String(t.lockoutIntervalSeconds));
  } else line('Bad Password Threshold', 'Not Available');
  return s;
}
