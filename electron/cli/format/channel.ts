// `ipmitool channel info|authcap|getaccess|getciphers` text (lib/ipmi_channel.c, 1.8.19); info and
// getciphers print from the channel views (electron/views/channel.ts).
import {
  AUTH_TYPE_BITS,
  type ChannelAuthCapabilities,
} from '../../ipmi/commands/app/get-channel-auth-capabilities';
import type { ChannelAccessView, ChannelInfoView, CipherSuiteView } from '../../../shared/domain/channel';
import type { UserAccess } from '../../ipmi/commands/app/get-user-access';
import { unknownValue } from './completion-code';
import { privilegeName } from './privilege-name';

const MEDIUM: Record<number, string> = {
  0: 'reserved',
  1: 'IPMB (I2C)',
  2: 'ICMB v1.0',
  3: 'ICMB v0.9',
  4: '802.3 LAN',
  5: 'Serial/Modem',
  6: 'Other LAN',
  7: 'PCI SMBus',
  8: 'SMBus v1.0/v1.1',
  9: 'SMBus v2.0',
  0x0a: 'USB 1.x',
  0x0b: 'USB 2.x',
  0x0c: 'System Interface',
};
const PROTOCOL: Record<number, string> = {
  0: 'reserved',
  1: 'IPMB-1.0',
  2: 'ICMB-1.0',
  3: 'reserved',
  4: 'IPMI-SMBus',
  5: 'KCS',
  6: 'SMIC',
  7: 'BT-10',
  8: 'BT-15',
  9: 'TMode',
  0x1c: 'OEM 1',
  0x1d: 'OEM 2',
  0x1e: 'OEM 3',
  0x1f: 'OEM 4',
};

const abled = (disabled: boolean) => (disabled ? 'disabled' : 'enabled');
const onOff = (enabled: boolean) => (enabled ? 'enabled' : 'disabled');

function accessBlock(title: string, a: ChannelAccessView): string {
  return (
    `  ${title}\n` +
    `    Alerting            : ${onOff(a.alerting)}\n` +
    `    Per-message Auth    : ${onOff(a.perMessageAuth)}\n` +
    `    User Level Auth     : ${onOff(a.userLevelAuth)}\n` +
    `    Access Mode         : ${a.accessMode === 'reserved' ? 'unknown' : a.accessMode}\n`
  );
}

/** The info part; the access blocks are printed only for LAN channels (pass them then). */
export function formatChannelInfo(info: ChannelInfoView): string {
  return (
    `Channel 0x${info.channel.toString(16)} info:\n` +
    `  Channel Medium Type   : ${MEDIUM[info.medium.code] ?? unknownValue(info.medium.code)}\n` +
    `  Channel Protocol Type : ${PROTOCOL[info.protocol.code] ?? unknownValue(info.protocol.code)}\n` +
    `  Session Support       : ${info.sessionSupport}\n` +
    `  Active Session Count  : ${info.activeSessions}\n` +
    `  Protocol Vendor ID    : ${info.vendorId}\n`
  );
}
export const formatVolatileAccess = (a: ChannelAccessView) => accessBlock('Volatile(active) Settings', a);
export const formatNonVolatileAccess = (a: ChannelAccessView) => accessBlock('Non-Volatile Settings', a);

export function authTypeList(mask: number): string {
  return AUTH_TYPE_BITS.filter((t) => mask & (1 << t.bit))
    .map((t) => t.name + ' ')
    .join('');
}

export function formatAuthCapabilities(c: ChannelAuthCapabilities): string {
  let s =
    `Channel number             : ${c.channel}\n` +
    `IPMI v1.5  auth types      : ${authTypeList(c.authTypes)}\n`;
  if (c.v20Data) s += `KG status                  : ${c.kgNonZero ? 'non-zero' : 'default (all zeroes)'}\n`;
  s +=
    `Per message authentication : ${abled(c.perMessageAuthDisabled)}\n` +
    `User level authentication  : ${abled(c.userLevelAuthDisabled)}\n` +
    `Non-null user names exist  : ${c.nonNullUserNames ? 'yes' : 'no'}\n` +
    `Null user names exist      : ${c.nullUserNames ? 'yes' : 'no'}\n` +
    `Anonymous login enabled    : ${c.anonymousLogin ? 'yes' : 'no'}\n`;
  if (c.v20Data)
    s +=
      `Channel supports IPMI v1.5 : ${c.ipmi15 ? 'yes' : 'no'}\n` +
      `Channel supports IPMI v2.0 : ${c.ipmi20 ? 'yes' : 'no'}\n`;
  if (c.authTypes & 0x20)
    s +=
      `IANA Number for OEM        : ${c.oemIana}\n` +
      `OEM Auxiliary Data         : 0x${c.oemAux.toString(16)}\n`;
  return s;
}

/** The header of `channel getaccess`, printed once before the first user. */
export const formatUserAccessHeader = (a: UserAccess) =>
  `Maximum User IDs     : ${a.maxUserIds}\nEnabled User IDs     : ${a.enabledUserIds}\n`;

const ENABLE_STATUS: Record<UserAccess['enableStatus'], string> = {
  unspecified: 'unknown',
  enabled: 'enabled',
  disabled: 'disabled',
  reserved: 'reserved',
};

export function formatUserAccessEntry(userId: number, name: string, a: UserAccess): string {
  return (
    `\nUser ID              : ${userId}\n` +
    `User Name            : ${name}\n` +
    `Fixed Name           : ${userId <= a.fixedNameUserIds ? 'Yes' : 'No'}\n` +
    `Access Available     : ${a.callbackOnly ? 'callback' : 'call-in / callback'}\n` +
    `Link Authentication  : ${a.linkAuth ? 'enabled' : 'disabled'}\n` +
    `IPMI Messaging       : ${a.ipmiMessaging ? 'enabled' : 'disabled'}\n` +
    `Privilege Level      : ${privilegeName(a.privilegeLimit)}\n` +
    `Enable Status        : ${ENABLE_STATUS[a.enableStatus]}\n`
  );
}

const AUTH_ALG: Record<number, string> = { 0: 'none', 1: 'hmac_sha1', 2: 'hmac_md5', 3: 'hmac_sha256' };
const INTEGRITY_ALG: Record<number, string> = {
  0: 'none',
  1: 'hmac_sha1_96',
  2: 'hmac_md5_128',
  3: 'md5_128',
  4: 'sha256_128',
};
const CONF_ALG: Record<number, string> = { 0: 'none', 1: 'aes_cbc_128', 2: 'xrc4_128', 3: 'xrc4_40' };

export const CIPHER_HEADER = 'ID   IANA    Auth Alg        Integrity Alg   Confidentiality Alg\n';

/** ipmitool prints the first integrity and confidentiality algorithm of a record ("none" if absent). */
export function formatCipherSuites(records: readonly CipherSuiteView[], csv = false): string {
  let s = csv ? '' : CIPHER_HEADER;
  for (const r of records) {
    const integrity = r.integrity[0]?.code ?? 0;
    const confidentiality = r.confidentiality[0]?.code ?? 0;
    const cols = [
      String(r.id),
      r.iana ? r.iana.toString(16).padStart(6, '0') : 'N/A',
      AUTH_ALG[r.authentication.code] ?? unknownValue(r.authentication.code),
      INTEGRITY_ALG[integrity] ?? unknownValue(integrity),
      CONF_ALG[confidentiality] ?? unknownValue(confidentiality),
    ];
    s += csv
      ? cols.join(',') + '\n'
      : `${cols[0]!.padEnd(4)} ${cols[1]!.padEnd(7)} ${cols[2]!.padEnd(15)} ${cols[3]!.padEnd(15)} ${cols[4]!.padEnd(15)}\n`;
  }
  return s;
}
