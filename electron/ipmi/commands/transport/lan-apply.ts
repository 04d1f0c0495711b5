// "Apply" several LAN settings as ONE operation (notes specs/peers.md §2 pain 10: piecemeal edits lock
// operators out). Order of business:
//   1. validate everything (bad input throws kind 'argument' before a packet is sent);
//   2. read the current source; if addresses are being set on a non-static source, switch to static
//      first (a DHCP-managed BMC would otherwise overwrite them);
//   3. take the set-in-progress lock when the BMC has parameter 0;
//   4. write each field and read it back; on the first failure stop;
//   5. commit (param 0 = 2) and release the lock (param 0 = 0), then read every written field again,
//      because BMCs such as ipmi_sim stage writes until the commit and may refuse them only then.
// The result says exactly which fields are on the BMC now and which are not. Fields written before a
// failure are committed rather than rolled back: not every BMC can roll back, and a report that is
// true on every BMC is worth more than a rollback that is only sometimes real.
import type { Requester } from '../../client/requester';
import { IpmiError, argumentError } from '../../errors';
import { requireLength } from '../command-spec';
import {
  GET_LAN_CONFIG,
  IP_SOURCE_CODE,
  LAN_PARAMS,
  decodeIpSource,
  encodeCommunity,
  encodeVlan,
  encodeVlanPriority,
  getLanParam,
  setLanParam,
  type LanParamName,
} from './lan-config';
import { formatIpv4, parseIpv4, parseMac, parseNetmask, sameSubnet } from './ipv4';

export interface LanSettings {
  ipSource?: 'static' | 'dhcp';
  ipAddress?: string;
  subnetMask?: string;
  defaultGateway?: string;
  defaultGatewayMac?: string;
  backupGateway?: string;
  backupGatewayMac?: string;
  macAddress?: string;
  /** null switches the VLAN off */
  vlanId?: number | null;
  vlanPriority?: number;
  snmpCommunity?: string;
}
export type LanField = keyof LanSettings;

/**
 * Write order: the source first, then the address, the mask, what depends on them, and the VLAN last,
 * because a VLAN change is the one most likely to cut the path the next write would travel.
 */
const FIELD_ORDER: readonly LanField[] = [
  'ipSource',
  'ipAddress',
  'subnetMask',
  'defaultGateway',
  'defaultGatewayMac',
  'backupGateway',
  'backupGatewayMac',
  'macAddress',
  'snmpCommunity',
  'vlanId',
  'vlanPriority',
];

const FIELD_PARAM: Record<LanField, LanParamName> = {
  ipSource: 'ipAddressSource',
  ipAddress: 'ipAddress',
  subnetMask: 'subnetMask',
  defaultGateway: 'defaultGatewayIp',
  defaultGatewayMac: 'defaultGatewayMac',
  backupGateway: 'backupGatewayIp',
  backupGatewayMac: 'backupGatewayMac',
  macAddress: 'macAddress',
  vlanId: 'vlanId',
  vlanPriority: 'vlanPriority',
  snmpCommunity: 'communityString',
};

const ADDRESS_FIELDS: readonly LanField[] = ['ipAddress', 'subnetMask', 'defaultGateway', 'backupGateway'];

/** Parameters `lan set` writes that are not part of an address plan. */
export type LanWriteField =
  LanField | 'authTypes' | 'cipherPrivileges' | 'arpControl' | 'arpInterval' | 'badPasswordThreshold';

export interface LanApplyFailure {
  field: LanWriteField;
  /** 'write' = the BMC refused the Set; 'verify' = it accepted it but reads back something else */
  stage: 'write' | 'verify' | 'commit';
  error: IpmiError;
}

export interface LanApplyResult {
  ok: boolean;
  /** fields the BMC now holds as asked, in write order; includes an implied ipSource switch */
  applied: LanWriteField[];
  /** fields asked for (or implied) that the BMC does not hold */
  notApplied: LanWriteField[];
  failure?: LanApplyFailure;
  warnings: string[];
  /** whether the set-in-progress lock/commit protocol was used */
  usedCommit: boolean;
}

export interface LanWrite {
  field: LanWriteField;
  param: number;
  data: Uint8Array;
}

/** Validates and encodes; throws 'argument' errors. */
export function planLanSettings(s: LanSettings): { writes: LanWrite[]; warnings: string[] } {
  const enc: Partial<Record<LanField, Uint8Array>> = {};
  if (s.ipSource !== undefined) {
    if (s.ipSource !== 'static' && s.ipSource !== 'dhcp')
      throw argumentError(`IP source must be static or dhcp, not ${String(s.ipSource)}`);
    enc.ipSource = Uint8Array.of(IP_SOURCE_CODE[s.ipSource]);
  }
  if (s.ipAddress !== undefined) enc.ipAddress = parseIpv4(s.ipAddress);
  if (s.subnetMask !== undefined) enc.subnetMask = parseNetmask(s.subnetMask);
  if (s.defaultGateway !== undefined) enc.defaultGateway = parseIpv4(s.defaultGateway, 'gateway address');
  if (s.defaultGatewayMac !== undefined) enc.defaultGatewayMac = parseMac(s.defaultGatewayMac);
  if (s.backupGateway !== undefined) enc.backupGateway = parseIpv4(s.backupGateway, 'gateway address');
  if (s.backupGatewayMac !== undefined) enc.backupGatewayMac = parseMac(s.backupGatewayMac);
  if (s.macAddress !== undefined) enc.macAddress = parseMac(s.macAddress);
  if (s.vlanId !== undefined) enc.vlanId = encodeVlan(s.vlanId ?? undefined);
  if (s.vlanPriority !== undefined) enc.vlanPriority = encodeVlanPriority(s.vlanPriority);
  if (s.snmpCommunity !== undefined) enc.snmpCommunity = encodeCommunity(s.snmpCommunity);
  if (s.ipSource === 'dhcp' && ADDRESS_FIELDS.some((f) => s[f] !== undefined))
    throw argumentError('static addresses cannot be set together with ipSource dhcp');

  const warnings: string[] = [];
  if (enc.ipAddress && enc.subnetMask) {
    for (const f of ['defaultGateway', 'backupGateway'] as const) {
      const gw = enc[f];
      if (gw && !(gw.every((b) => b === 0) || sameSubnet(enc.ipAddress, gw, enc.subnetMask)))
        warnings.push(
          `${f === 'defaultGateway' ? 'default' : 'backup'} gateway ${formatIpv4(gw)} is outside the subnet ${formatIpv4(enc.ipAddress)}/${formatIpv4(enc.subnetMask)}`,
        );
    }
  }
  const writes = FIELD_ORDER.flatMap((field) => {
    const data = enc[field];
    return data ? [{ field, param: LAN_PARAMS[FIELD_PARAM[field]].id, data }] : [];
  });
  if (writes.length === 0) throw argumentError('no LAN settings given');
  return { writes, warnings };
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length >= b.length && b.every((x, i) => a[i] === x);

function verifyError(host: string, field: LanWriteField, got: Uint8Array | undefined): IpmiError {
  return new IpmiError(
    'protocol',
    `${host}: LAN ${field} reads back ${got ? Buffer.from(got).toString('hex') : 'nothing'} after the write`,
    {
      host,
      command: 'Get LAN Configuration Parameters',
    },
  );
}

async function readsBack(
  r: Requester,
  channel: number,
  w: LanWrite,
): Promise<{ ok: boolean; got: Uint8Array | undefined }> {
  const got = await getLanParam(r, channel, w.param);
  if (!got) return { ok: false, got };
  // the VLAN enable bit and the ID are compared, reserved bits 6:4 of byte 2 are not
  if (w.field === 'vlanId')
    return { ok: got.length >= 2 && got[0] === w.data[0] && (got[1]! & 0x8f) === w.data[1], got };
  if (w.field === 'ipSource') return { ok: (got[0]! & 0x0f) === w.data[0], got };
  return { ok: sameBytes(got, w.data), got };
}

export async function applyLanSettings(
  r: Requester,
  channel: number,
  settings: LanSettings,
): Promise<LanApplyResult> {
  const { writes, warnings } = planLanSettings(settings);
  if (settings.ipSource === undefined && ADDRESS_FIELDS.some((f) => settings[f] !== undefined)) {
    const src = await getLanParam(r, channel, LAN_PARAMS.ipAddressSource.id);
    // an empty reply is not "unspecified": deciding from it could skip the switch to static
    if (src) requireLength(src, 1, GET_LAN_CONFIG, r.host);
    if (src && decodeIpSource(src[0]!) !== 'static')
      writes.unshift({
        field: 'ipSource',
        param: LAN_PARAMS.ipAddressSource.id,
        data: Uint8Array.of(IP_SOURCE_CODE.static),
      });
  }
  const result = await writeLanParams(r, channel, writes);
  return { ...result, warnings: [...warnings, ...result.warnings] };
}

/** Steps 3-5 of the header comment for already validated writes (also what `lan set` uses). */
export async function writeLanParams(
  r: Requester,
  channel: number,
  writes: readonly LanWrite[],
  /** called after each write that read back as sent (1-based count) */
  onWritten?: (field: LanWriteField, done: number) => void,
): Promise<LanApplyResult> {
  const progress = await getLanParam(r, channel, LAN_PARAMS.setInProgress.id);
  let usedCommit = false;
  if (progress) {
    // an empty reply is not "set complete": taking it as such could write over another client's edit
    requireLength(progress, 1, GET_LAN_CONFIG, r.host);
    if ((progress[0]! & 3) !== 0)
      // not a completion code: no BMC answered anything; we saw its lock taken and did not write
      throw new IpmiError(
        'busy',
        `${r.host}: another client is changing the LAN configuration (set in progress); try again later`,
        { host: r.host, command: GET_LAN_CONFIG.name, netFn: GET_LAN_CONFIG.netFn, cmd: GET_LAN_CONFIG.cmd },
      );
    await setLanParam(r, channel, LAN_PARAMS.setInProgress.id, Uint8Array.of(1));
    usedCommit = true;
  }

  const written: LanWrite[] = [];
  let failure: LanApplyFailure | undefined;
  try {
    for (const w of writes) {
      try {
        await setLanParam(r, channel, w.param, w.data);
      } catch (e) {
        if (!(e instanceof IpmiError)) throw e;
        failure = { field: w.field, stage: 'write', error: e };
        break;
      }
      const back = await readsBack(r, channel, w);
      if (!back.ok) {
        failure = { field: w.field, stage: 'verify', error: verifyError(r.host, w.field, back.got) };
        break;
      }
      written.push(w);
      onWritten?.(w.field, written.length);
    }
  } finally {
    if (usedCommit) {
      // commit what was written (see the header comment), then release the lock
      await setLanParam(r, channel, LAN_PARAMS.setInProgress.id, Uint8Array.of(2)).catch(() => undefined);
      await setLanParam(r, channel, LAN_PARAMS.setInProgress.id, Uint8Array.of(0)).catch(() => undefined);
    }
  }

  // a write that read back wrong before the commit may still have taken effect with it
  const failedWrite =
    failure?.stage === 'verify' ? writes.find((w) => w.field === failure?.field) : undefined;
  const applied: LanWriteField[] = [];
  for (const w of failedWrite ? [...written, failedWrite] : written) {
    const back = await readsBack(r, channel, w);
    if (back.ok) applied.push(w.field);
    else if (w !== failedWrite)
      failure ??= { field: w.field, stage: 'commit', error: verifyError(r.host, w.field, back.got) };
  }
  const notApplied = writes.map((w) => w.field).filter((f) => !applied.includes(f));
  return {
    ok: failure === undefined,
    applied,
    notApplied,
    ...(failure && { failure }),
    warnings: [],
    usedCommit,
  };
}
