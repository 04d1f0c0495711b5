// Channel info and cipher suite views (shared/domain/channel.ts) for `channel info|getciphers` and the
// app's channel.info / channel.cipherSuites. Each piece has its own builder so the CLI can print (and
// fail) step by step as ipmitool does.
import type { Requester, RequestOptions } from '../ipmi/client/requester';
import { getChannelAccess, type ChannelAccess } from '../ipmi/commands/app/get-channel-access';
import {
  getChannelCipherSuites,
  type CipherPayload,
  type CipherSuiteRecord,
} from '../ipmi/commands/app/get-channel-cipher-suites';
import { getChannelInfo, isLanMedium, type ChannelInfo } from '../ipmi/commands/app/get-channel-info';
import {
  decodeCipherSuiteCount,
  decodeCipherSuiteIds,
  decodeCipherSuitePrivileges,
  getLanParam,
  LAN_PARAMS,
} from '../ipmi/commands/transport/lan-config';
import type {
  ChannelAccessView,
  ChannelInfoView,
  CipherSuiteView,
  CipherSuitesView,
} from '../../shared/domain/channel';
import type { PrivilegeLevelName } from '../../shared/domain/lan';
import { privilegeLevelName } from './lan';
import { withRequestOptions } from './requester-options';

const MEDIUM: Record<number, string> = {
  1: 'ipmb',
  2: 'icmb-1.0',
  3: 'icmb-0.9',
  4: 'lan-802.3',
  5: 'serial',
  6: 'other-lan',
  7: 'pci-smbus',
  8: 'smbus-1.x',
  9: 'smbus-2.0',
  0x0a: 'usb-1.x',
  0x0b: 'usb-2.x',
  0x0c: 'system-interface',
};
const PROTOCOL: Record<number, string> = {
  1: 'ipmb-1.0',
  2: 'icmb-1.0',
  4: 'ipmi-smbus',
  5: 'kcs',
  6: 'smic',
  7: 'bt-1.0',
  8: 'bt-1.5',
  9: 'tmode',
};
const AUTH_ALG: Record<number, string> = {
  0: 'none',
  1: 'rakp-hmac-sha1',
  2: 'rakp-hmac-md5',
  3: 'rakp-hmac-sha256',
};
const INTEGRITY_ALG: Record<number, string> = {
  0: 'none',
  1: 'hmac-sha1-96',
  2: 'hmac-md5-128',
  3: 'md5-128',
  4: 'hmac-sha256-128',
};
const CONFIDENTIALITY_ALG: Record<number, string> = {
  0: 'none',
  1: 'aes-cbc-128',
  2: 'xrc4-128',
  3: 'xrc4-40',
};

/** OEM ranges of each table (medium 0x60-0x7F, protocol 0x1C-0x1F, algorithms 0x30-0x3F). */
const named = (table: Record<number, string>, code: number, oemFrom: number, oemTo: number) => ({
  code,
  name: table[code] ?? (code >= oemFrom && code <= oemTo ? 'oem' : 'reserved'),
});

const privilegeOrReserved = (level: number): PrivilegeLevelName | 'reserved' =>
  level >= 1 && level <= 5 ? privilegeLevelName(level) : 'reserved';

export function channelAccessView(a: ChannelAccess): ChannelAccessView {
  return {
    alerting: !a.alertingDisabled,
    perMessageAuth: !a.perMessageAuthDisabled,
    userLevelAuth: !a.userLevelAuthDisabled,
    accessMode: a.accessMode ?? 'reserved',
    privilegeLimit: a.privilegeLimit,
    privilege: privilegeOrReserved(a.privilegeLimit),
  };
}

export function channelInfoView(
  i: ChannelInfo,
  access?: { volatile: ChannelAccess; nonVolatile: ChannelAccess },
): ChannelInfoView {
  return {
    channel: i.channel,
    medium: named(MEDIUM, i.medium, 0x60, 0x7f),
    protocol: named(PROTOCOL, i.protocol, 0x1c, 0x1f),
    sessionSupport: i.sessionSupport,
    activeSessions: i.activeSessions,
    vendorId: i.vendorId,
    auxInfo: [i.auxInfo[0], i.auxInfo[1]],
    ...(access && {
      access: {
        volatile: channelAccessView(access.volatile),
        nonVolatile: channelAccessView(access.nonVolatile),
      },
    }),
  };
}

export function cipherSuiteView(r: CipherSuiteRecord): CipherSuiteView {
  return {
    id: r.id,
    iana: r.iana ?? null,
    authentication: named(AUTH_ALG, r.auth, 0x30, 0x3f),
    integrity: r.integrity.map((c) => named(INTEGRITY_ALG, c, 0x30, 0x3f)),
    confidentiality: r.confidentiality.map((c) => named(CONFIDENTIALITY_ALG, c, 0x30, 0x3f)),
  };
}

/** `channel.info`: channel 0x0E is the one the request arrives on; LAN channels add their access. */
export async function readChannelInfoView(
  session: Requester,
  o: { channel: number } & RequestOptions,
): Promise<ChannelInfoView> {
  const { channel, ...opts } = o;
  const r = withRequestOptions(session, opts);
  const info = await getChannelInfo(r, channel);
  if (!isLanMedium(info.medium)) return channelInfoView(info);
  const [volatile, nonVolatile] = await Promise.all([
    getChannelAccess(r, info.channel, 'volatile'),
    getChannelAccess(r, info.channel, 'non-volatile'),
  ]);
  return channelInfoView(info, { volatile, nonVolatile });
}

/**
 * LAN parameters 22-24 as entries: entry i is suite `suiteId` with maximum privilege `privilege`.
 * undefined when the BMC lacks parameter 24 or answers it in another size.
 */
export async function readCipherPrivilegeEntries(
  r: Requester,
  channel: number,
): Promise<{ entries: NonNullable<CipherSuitesView['privilegeEntries']>; raw: Buffer } | undefined> {
  const [count, ids, privs] = await Promise.all([
    getLanParam(r, channel, LAN_PARAMS.cipherSuiteEntrySupport.id),
    getLanParam(r, channel, LAN_PARAMS.cipherSuiteEntries.id),
    getLanParam(r, channel, LAN_PARAMS.cipherSuitePrivileges.id),
  ]);
  if (!privs || privs.length !== LAN_PARAMS.cipherSuitePrivileges.size) return undefined;
  const list =
    count && count.length >= 1 && ids ? decodeCipherSuiteIds(ids, decodeCipherSuiteCount(count)) : undefined;
  const entries = decodeCipherSuitePrivileges(privs).map((level, entry) => ({
    entry,
    suiteId: list?.[entry] ?? null,
    privilege: privilegeLevelName(level),
  }));
  return { entries, raw: privs };
}

/** `channel.cipherSuites`: the suites, and for the IPMI payload of a LAN channel each one's maximum privilege. */
export async function readCipherSuitesView(
  session: Requester,
  o: { channel: number; payload: CipherPayload } & RequestOptions,
): Promise<CipherSuitesView> {
  const { channel, payload, ...opts } = o;
  const r = withRequestOptions(session, opts);
  const suites = (await getChannelCipherSuites(r, channel, payload)).map(cipherSuiteView);
  const info = await getChannelInfo(r, channel);
  const view: CipherSuitesView = { channel: info.channel, payload, suites };
  if (payload !== 'ipmi' || !isLanMedium(info.medium)) return view;
  const p = await readCipherPrivilegeEntries(r, info.channel);
  if (!p) return view;
  view.privilegeEntries = p.entries;
  for (const s of suites) {
    const e = p.entries.find((x) => x.suiteId === s.id);
    if (e) s.maxPrivilege = e.privilege;
  }
  return view;
}
