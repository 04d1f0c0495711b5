// `lan.plan` / `lan.apply`: a LAN change computed in main as the exact writes, in order, with a verdict
// on our own connection (shared/domain/plan.ts). The verdict comes from what the BMC says about the
// session this app holds (Get Session Info: its channel and our console address) and what the change
// touches:
//   - VLAN on/off or another ID on our channel: lockout (our network would have to move with it);
//   - address source to DHCP on our channel: lockout (the new address is not known in advance);
//   - a new IP address on our channel: reconnect when we talk to that very address (the app follows it
//     and updates the host), else lockout (NAT, proxy or another path we cannot follow);
//   - a new mask or gateway on our channel when our console address is outside the BMC's (new) subnet:
//     lockout (we are routed through the gateway being changed);
//   - a new MAC or a switch to a static source on our channel: reconnect (switches and ARP caches move).
// Apply re-reads the BMC and refuses a plan whose fields changed meanwhile (stale-plan).
import { createSocket } from 'node:dgram';
import type { Requester } from '../ipmi/client/requester';
import { decodeSessionInfo, getSessionInfoRaw } from '../ipmi/commands/app/get-session-info';
import { formatMac, parseIpv4, parseMac, sameSubnet } from '../ipmi/commands/transport/ipv4';
import {
  planLanSettings,
  writeLanParams,
  type LanApplyResult as CommandApplyResult,
  type LanSettings,
  type LanWrite,
} from '../ipmi/commands/transport/lan-apply';
import { IP_SOURCE_CODE, LAN_PARAMS, setLanParam } from '../ipmi/commands/transport/lan-config';
import { IpmiError, isIpmiError } from '../ipmi/errors';
import { readLanView } from '../views/lan';
import type { LanApplyResult, LanConfiguration, LanSettingsInput } from '../../shared/domain/lan';
import type { Plan, PlanStep, PlanVerdict, VerdictLevel } from '../../shared/domain/plan';
import type { Host } from '../../shared/domain/host';
import { StalePlanError, type PlanStore } from './plan-store';

export const LAN_PLAN_FAMILY = 'lan';

/** What the verdict is computed from: the session as the BMC sees it. */
export interface OurConnection {
  /** the address the app dials for this host */
  address: string;
  /** the channel our session runs on, undefined when the BMC does not say */
  channel: number | undefined;
  /** our address as the BMC sees it */
  consoleIp: string | undefined;
}

interface LanPlanPayload {
  channel: number;
  writes: LanWrite[];
  /** the view fields the plan was computed from, compared on apply */
  basis: Record<string, unknown>;
  /** where the app reconnects after apply (reconnect verdict) */
  newAddress: string | undefined;
}

/** The view field each write changes, and its value as display text. */
const VIEW_FIELD: Record<string, (v: LanConfiguration) => string | null> = {
  ipSource: (v) => v.ipAddressSource ?? null,
  ipAddress: (v) => v.ipAddress ?? null,
  subnetMask: (v) => v.subnetMask ?? null,
  defaultGateway: (v) => v.defaultGateway ?? null,
  defaultGatewayMac: (v) => v.defaultGatewayMac ?? null,
  backupGateway: (v) => v.backupGateway ?? null,
  backupGatewayMac: (v) => v.backupGatewayMac ?? null,
  macAddress: (v) => v.macAddress ?? null,
  snmpCommunity: (v) => v.snmpCommunity ?? null,
  vlanId: (v) => (v.vlan ? (v.vlan.enabled ? String(v.vlan.id) : 'off') : null),
  vlanPriority: (v) => (v.vlanPriority === undefined ? null : String(v.vlanPriority)),
};

function targetText(field: string, s: LanSettings): string {
  if (field === 'vlanId') return s.vlanId === null ? 'off' : String(s.vlanId);
  const v = s[field as keyof LanSettings];
  if (typeof v === 'string' && field.endsWith('Mac')) return formatMac(parseMac(v));
  if (typeof v === 'string' && field === 'macAddress') return formatMac(parseMac(v));
  return String(v);
}

const RANK: Record<VerdictLevel, number> = { safe: 0, reconnect: 1, lockout: 2 };

/** Pure: the steps and verdict for settings against the current view. Throws 'argument' errors. */
export function computeLanPlan(
  current: LanConfiguration,
  input: LanSettingsInput,
  us: OurConnection,
): { steps: PlanStep[]; verdict: PlanVerdict; writes: LanWrite[]; newAddress: string | undefined } {
  const { vlanId, ...rest } = input;
  const settings: LanSettings = {
    ...rest,
    ...(vlanId !== undefined && { vlanId: vlanId === 'off' ? null : vlanId }),
  };
  const { writes: all, warnings } = planLanSettings(settings);
  const addressing = ['ipAddress', 'subnetMask', 'defaultGateway', 'backupGateway'] as const;
  // addresses on a DHCP (or unknown) source would be overwritten: switch to static first
  if (
    settings.ipSource === undefined &&
    addressing.some((f) => settings[f] !== undefined) &&
    current.ipAddressSource !== undefined &&
    current.ipAddressSource !== 'static'
  ) {
    settings.ipSource = 'static';
    all.unshift({
      field: 'ipSource',
      param: LAN_PARAMS.ipAddressSource.id,
      data: Uint8Array.of(IP_SOURCE_CODE.static),
    });
  }
  // only what changes is written
  const writes = all.filter((w) => VIEW_FIELD[w.field]!(current) !== targetText(w.field, settings));

  const ours = us.channel === undefined || us.channel === current.channel;
  const reasons: { code: string; message: string; field: string; level: VerdictLevel }[] = [];
  const add = (field: string, level: VerdictLevel, code: string, message: string) =>
    reasons.push({ field, level, code, message });
  const changes = new Set(writes.map((w) => w.field));
  const newIp = settings.ipAddress ?? current.ipAddress;
  const newMask = settings.subnetMask ?? current.subnetMask;
  let newAddress: string | undefined;
  if (ours) {
    if (changes.has('vlanId'))
      add(
        'vlanId',
        'lockout',
        'vlan-changes',
        `the VLAN of channel ${current.channel}, which this session uses, changes to ${targetText('vlanId', settings)}`,
      );
    if (changes.has('ipSource') && settings.ipSource === 'dhcp')
      add(
        'ipSource',
        'lockout',
        'address-source-dhcp',
        'the BMC will take an address from DHCP, which cannot be known in advance',
      );
    else if (changes.has('ipSource'))
      add('ipSource', 'reconnect', 'address-source-static', 'the BMC switches to a static address');
    if (changes.has('ipAddress')) {
      if (current.ipAddress !== undefined && current.ipAddress === us.address) {
        newAddress = settings.ipAddress;
        add(
          'ipAddress',
          'reconnect',
          'address-changes',
          `the BMC moves from ${current.ipAddress} to ${settings.ipAddress}; the app reconnects there`,
        );
      } else
        add(
          'ipAddress',
          'lockout',
          'address-path-unknown',
          `this app reaches the BMC at ${us.address}, not at its address ${current.ipAddress ?? '(unknown)'}, so it cannot follow the move to ${settings.ipAddress}`,
        );
    }
    const routed =
      us.consoleIp !== undefined &&
      newIp !== undefined &&
      newMask !== undefined &&
      !sameSubnet(parseIpv4(us.consoleIp), parseIpv4(newIp), parseIpv4(newMask));
    for (const f of ['subnetMask', 'defaultGateway'] as const)
      if (changes.has(f) && routed)
        add(
          f,
          'lockout',
          'route-changes',
          `this app (${us.consoleIp}) is outside the BMC's subnet ${newIp}/${newMask} and reaches it through the route being changed`,
        );
    if (changes.has('macAddress'))
      add('macAddress', 'reconnect', 'mac-changes', 'the BMC answers from another MAC address');
  }
  const level = reasons.reduce<VerdictLevel>((l, r) => (RANK[r.level] > RANK[l] ? r.level : l), 'safe');
  const steps: PlanStep[] = writes.map((w) => ({
    field: w.field,
    from: VIEW_FIELD[w.field]!(current),
    to: targetText(w.field, settings),
    affectsConnection: reasons.some((r) => r.field === w.field),
  }));
  return {
    steps,
    verdict: {
      level,
      reasons: [
        ...reasons.map((r) => ({ code: r.code, message: r.message })),
        ...warnings.map((message) => ({ code: 'gateway-outside-subnet', message })),
      ],
    },
    writes,
    newAddress,
  };
}

/**
 * Our session's channel and console address as the BMC reports them (Get Session Info). A BMC that
 * leaves out the console address (ipmi_sim does) gets the local address this machine sends from towards
 * it, which is the same unless a NAT sits between.
 */
export async function ourConnection(r: Requester, address: string): Promise<OurConnection> {
  let channel: number | undefined;
  let consoleIp: string | undefined;
  try {
    const rsp = await getSessionInfoRaw(r, { kind: 'current' });
    if (rsp.completionCode === 0) {
      const info = decodeSessionInfo(rsp.data, r.host);
      channel = info.channel;
      consoleIp = info.lan?.consoleIp;
    }
  } catch (e) {
    if (!isIpmiError(e) || e.kind !== 'protocol') throw e;
  }
  return { address, channel, consoleIp: consoleIp ?? (await localAddressTowards(address)) };
}

/** The IPv4 source address the OS picks for `address` (a UDP connect sends nothing), or undefined. */
export async function localAddressTowards(address: string): Promise<string | undefined> {
  const sock = createSocket('udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      sock.once('error', reject);
      sock.connect(623, address, () => resolve());
    });
    const local = sock.address().address;
    return /^\d{1,3}(\.\d{1,3}){3}$/.test(local) ? local : undefined;
  } catch {
    return undefined;
  } finally {
    sock.close();
  }
}

const basisOf = (v: LanConfiguration, writes: readonly LanWrite[]): Record<string, unknown> =>
  Object.fromEntries(
    [...new Set(['ipSource', ...writes.map((w) => w.field)])].map((f) => [f, VIEW_FIELD[f]!(v)]),
  );

export async function planLan(
  plans: PlanStore,
  host: Host,
  r: Requester,
  args: { channel?: number | undefined; settings: LanSettingsInput },
  opts: { signal?: AbortSignal } = {},
): Promise<Plan> {
  const current = await readLanView(r, { channel: args.channel, ...opts });
  const us = await ourConnection(r, host.address);
  const p = computeLanPlan(current, args.settings, us);
  const payload: LanPlanPayload = {
    channel: current.channel,
    writes: p.writes,
    basis: basisOf(current, p.writes),
    newAddress: p.newAddress,
  };
  return plans.create(LAN_PLAN_FAMILY, host.id, p.steps, p.verdict, payload);
}

/** Services the apply needs: the pool's session for the host, and the inventory to follow a move. */
export interface LanApplyDeps {
  plans: PlanStore;
  use<T>(hostId: string, fn: (r: Requester) => Promise<T>): Promise<T>;
  /** closes the host's session and points the host at the new address */
  moveHost(hostId: string, address: string): Promise<void>;
}

export async function applyLan(
  d: LanApplyDeps,
  args: { hostId: string; planId: string; confirmLockout?: boolean | undefined },
  opts: { signal?: AbortSignal; progress?: (done: number, total: number, field: string) => void } = {},
): Promise<LanApplyResult> {
  const { plan, payload } = d.plans.take<LanPlanPayload>(
    LAN_PLAN_FAMILY,
    args.planId,
    args.confirmLockout,
    args.hostId,
  );
  if (plan.hostId !== args.hostId)
    throw new StalePlanError(`plan ${args.planId} is for another host`, ['other-host']);
  const read = opts.signal ? { signal: opts.signal } : {};
  const moving = payload.newAddress !== undefined && payload.writes.some((w) => w.field === 'ipAddress');
  let res: CommandApplyResult | undefined;
  let lost: IpmiError | undefined;
  let configuration: LanConfiguration | undefined;
  await d.use(args.hostId, async (r) => {
    const now = await readLanView(r, { channel: payload.channel, ...read });
    const basis = basisOf(now, payload.writes);
    const moved = Object.keys(basis).filter((k) => basis[k] !== payload.basis[k]);
    if (moved.length > 0)
      throw new StalePlanError(
        `${r.host}: LAN ${moved.join(', ')} changed since the plan was made; plan again`,
        moved.map((f) => `lan-${f.toLowerCase()}-changed`),
      );
    if (payload.writes.length === 0) {
      configuration = now;
      return;
    }
    try {
      res = await writeLanParams(r, payload.channel, payload.writes, (field, done) =>
        opts.progress?.(done, payload.writes.length, field),
      );
    } catch (e) {
      // a moved address stops answering at the old one: expected, checked from the new one below
      if (moving && isIpmiError(e) && e.kind === 'timeout') lost = e;
      else throw e;
    }
    if (!moving) configuration = await readLanView(r, { channel: payload.channel, ...read });
  });
  let reconnectAddress: string | undefined;
  if (moving && (lost || res?.applied.includes('ipAddress'))) {
    reconnectAddress = payload.newAddress!;
    await d.moveHost(args.hostId, reconnectAddress);
    configuration = await d.use(args.hostId, async (r) => {
      const v = await readLanView(r, { channel: payload.channel, ...read });
      // our commit and release went to the old address: finish them here so the lock is not left held
      if (!lost || v.setInProgress !== 'in-progress') return v;
      await setLanParam(r, payload.channel, LAN_PARAMS.setInProgress.id, Uint8Array.of(2)).catch(
        () => undefined,
      );
      await setLanParam(r, payload.channel, LAN_PARAMS.setInProgress.id, Uint8Array.of(0));
      return readLanView(r, { channel: payload.channel, ...read });
    });
  } else if (!configuration)
    configuration = await d.use(args.hostId, (r) => readLanView(r, { channel: payload.channel, ...read }));
  const cfg = configuration!;
  const wanted = plan.steps;
  // after a lost session the BMC's own answer at the new address says what holds
  const applied =
    res && !lost ? res.applied : wanted.filter((s) => VIEW_FIELD[s.field]!(cfg) === s.to).map((s) => s.field);
  const notApplied = wanted.map((s) => s.field).filter((f) => !applied.includes(f as never));
  const failure = res?.failure;
  return {
    ok: notApplied.length === 0 && (lost !== undefined || !failure),
    applied: [...applied],
    notApplied,
    ...(failure &&
      !lost && {
        failure: {
          field: failure.field,
          stage: failure.stage,
          ...(failure.error.completionCode !== undefined && { completionCode: failure.error.completionCode }),
          message: failure.error.message,
        },
      }),
    warnings: res?.warnings ?? [],
    ...(reconnectAddress !== undefined && { reconnectAddress }),
    configuration: cfg,
  };
}
