// The LAN configuration view (shared/domain/lan.ts): what each LAN parameter means, decided once for
// the CLI's `lan print` and the app's `lan.get`. Wire layouts live in commands/transport/lan-config.ts.
import type { Requester, RequestOptions } from '../ipmi/client/requester';
import { getChannelInfo, isLanMedium } from '../ipmi/commands/app/get-channel-info';
import { formatIpv4, formatMac } from '../ipmi/commands/transport/ipv4';
import {
  decodeArpControl,
  decodeAuthTypeEnables,
  decodeAuthTypeMask,
  decodeBadPasswordThreshold,
  decodeCipherSuiteCount,
  decodeCipherSuiteIds,
  decodeCipherSuitePrivileges,
  decodeCommunity,
  decodeGratuitousArpInterval,
  decodeIpHeader,
  decodeIpSource,
  decodeSetInProgress,
  decodeVlan,
  LAN_PARAMS,
  type LanParamName,
} from '../ipmi/commands/transport/lan-config';
import {
  readLanConfiguration,
  type LanConfigurationData,
} from '../ipmi/commands/transport/lan-configuration';
import { argumentError, isIpmiError } from '../ipmi/errors';
import type { LanConfiguration, PrivilegeLevelName } from '../../shared/domain/lan';
import { withRequestOptions } from './requester-options';

const PRIVILEGE_BY_LEVEL: readonly PrivilegeLevelName[] = [
  'unused',
  'callback',
  'user',
  'operator',
  'administrator',
  'oem',
];
/** A cipher-suite privilege nibble in words; 6..15 are reserved and read as unused, as ipmitool's 'X'. */
export const privilegeLevelName = (level: number): PrivilegeLevelName =>
  PRIVILEGE_BY_LEVEL[level] ?? 'unused';
export const privilegeLevelNumber = (name: PrivilegeLevelName): number => PRIVILEGE_BY_LEVEL.indexOf(name);

/** Decodes what readLanConfiguration read (pure: unit-tested with known answers). */
export function lanConfigurationView(channel: number, p: LanConfigurationData): LanConfiguration {
  const v: LanConfiguration = { channel, unsupported: [] };
  const missing = (name: LanParamName) => v.unsupported.push(name);
  const has = (name: LanParamName): Buffer | undefined => {
    const d = p[name];
    if (!d) missing(name);
    return d;
  };
  let d: Buffer | undefined;
  if ((d = has('setInProgress'))) v.setInProgress = decodeSetInProgress(d[0]!);
  if ((d = has('authTypeSupport'))) v.authTypeSupport = decodeAuthTypeMask(d[0]!);
  if ((d = has('authTypeEnables'))) {
    const e = decodeAuthTypeEnables(d);
    v.authTypeEnables = {
      callback: decodeAuthTypeMask(e.callback),
      user: decodeAuthTypeMask(e.user),
      operator: decodeAuthTypeMask(e.operator),
      administrator: decodeAuthTypeMask(e.admin),
      oem: decodeAuthTypeMask(e.oem),
    };
  }
  if ((d = has('ipAddressSource'))) v.ipAddressSource = decodeIpSource(d[0]!);
  if ((d = has('ipAddress'))) v.ipAddress = formatIpv4(d);
  if ((d = has('subnetMask'))) v.subnetMask = formatIpv4(d);
  if ((d = has('macAddress'))) v.macAddress = formatMac(d);
  if ((d = has('communityString'))) v.snmpCommunity = decodeCommunity(d);
  if ((d = has('ipHeader'))) v.ipHeader = decodeIpHeader(d);
  if ((d = has('bmcArpControl'))) {
    const a = decodeArpControl(d[0]!);
    v.arp = { respond: a.respond, generateGratuitous: a.generate };
  }
  if ((d = has('gratuitousArpInterval'))) v.gratuitousArpIntervalSeconds = decodeGratuitousArpInterval(d[0]!);
  if ((d = has('defaultGatewayIp'))) v.defaultGateway = formatIpv4(d);
  if ((d = has('defaultGatewayMac'))) v.defaultGatewayMac = formatMac(d);
  if ((d = has('backupGatewayIp'))) v.backupGateway = formatIpv4(d);
  if ((d = has('backupGatewayMac'))) v.backupGatewayMac = formatMac(d);
  if ((d = has('vlanId'))) v.vlan = decodeVlan(d);
  if ((d = has('vlanPriority'))) v.vlanPriority = d[0]! & 0x07;
  if ((d = has('cipherSuiteEntrySupport'))) {
    v.cipherSuiteCount = decodeCipherSuiteCount(d);
    const e = p.cipherSuiteEntries;
    v.cipherSuiteIds = (e && decodeCipherSuiteIds(e, v.cipherSuiteCount)) ?? null;
    if (!e) missing('cipherSuiteEntries');
  }
  // the two variable layouts count only at their exact size (as ipmitool): anything else is unusable
  d = p.cipherSuitePrivileges;
  if (d && d.length === LAN_PARAMS.cipherSuitePrivileges.size)
    v.cipherSuitePrivileges = decodeCipherSuitePrivileges(d).map(privilegeLevelName);
  else missing('cipherSuitePrivileges');
  d = p.badPasswordThreshold;
  if (d && d.length === LAN_PARAMS.badPasswordThreshold.size)
    v.badPasswordThreshold = decodeBadPasswordThreshold(d);
  else missing('badPasswordThreshold');
  return v;
}

/**
 * Whether the channel is a LAN channel. A BMC that refuses Get Channel Info for it (no such channel)
 * says no; other failures are thrown.
 */
export async function isLanChannel(r: Requester, channel: number): Promise<boolean> {
  if (channel < 1 || channel > 0x0e) return false;
  try {
    return isLanMedium((await getChannelInfo(r, channel)).medium);
  } catch (e) {
    if (isIpmiError(e) && e.completionCode !== undefined) return false;
    throw e;
  }
}

/** The first LAN channel 1..13 (what `ipmitool lan print` with no channel uses), or undefined. */
export async function firstLanChannel(r: Requester): Promise<number | undefined> {
  for (let c = 1; c < 0x0e; c++) if (await isLanChannel(r, c)) return c;
  return undefined;
}

/** `lan.get`: the channel given, or the first LAN channel. */
export async function readLanView(
  session: Requester,
  o: { channel?: number | undefined } & RequestOptions = {},
): Promise<LanConfiguration> {
  const { channel: asked, ...opts } = o;
  const r = withRequestOptions(session, opts);
  if (asked === undefined) {
    const channel = await firstLanChannel(r);
    if (channel === undefined) throw argumentError(`${r.host}: this BMC has no LAN channel (channel)`);
    return lanConfigurationView(channel, await readLanConfiguration(r, channel));
  }
  // the channel check travels with the parameters (one round trip); its answer decides which error counts
  const [lan, params] = await Promise.allSettled([isLanChannel(r, asked), readLanConfiguration(r, asked)]);
  if (lan.status === 'rejected') throw lan.reason;
  if (!lan.value) throw argumentError(`${r.host}: channel ${asked} is not a LAN channel (channel)`);
  if (params.status === 'rejected') throw params.reason;
  return lanConfigurationView(asked, params.value);
}
