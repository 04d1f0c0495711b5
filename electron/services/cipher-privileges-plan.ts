// `channel.cipherPrivileges.plan` / `.apply`: the maximum privilege of each cipher suite entry (LAN
// parameter 24) as a plan. The verdict is lockout when the suite this session logged in with, on the
// channel it runs on, would no longer allow the privilege the session holds (the next login would be
// refused or demoted); every other change is safe.
import type { Requester } from '../ipmi/client/requester';
import type { SessionInfo } from '../ipmi/client/connect';
import { writeLanParams } from '../ipmi/commands/transport/lan-apply';
import { encodeCipherSuitePrivileges, LAN_PARAMS } from '../ipmi/commands/transport/lan-config';
import { IpmiError } from '../ipmi/errors';
import { firstLanChannel, privilegeLevelName, privilegeLevelNumber } from '../views/lan';
import { readCipherPrivilegeEntries, readCipherSuitesView } from '../views/channel';
import type { CipherSuitesView } from '../../shared/domain/channel';
import type { PrivilegeLevelName } from '../../shared/domain/lan';
import type { Plan, PlanStep, PlanVerdict } from '../../shared/domain/plan';
import type { Host } from '../../shared/domain/host';
import { ourConnection } from './lan-plan';
import { StalePlanError, type PlanStore } from './plan-store';

export const CIPHER_PRIVILEGES_FAMILY = 'channel.cipherPrivileges';

interface Payload {
  channel: number;
  data: Uint8Array;
  /** parameter 24 as read when planning */
  basis: string;
}

type Entries = NonNullable<CipherSuitesView['privilegeEntries']>;

/** Pure: steps and verdict. `session` is what our login negotiated (suite, privilege level). */
export function computeCipherPrivilegesPlan(
  entries: Entries,
  levels: readonly PrivilegeLevelName[],
  session: { cipherSuite: number | undefined; privilege: number; sameChannel: boolean },
): { steps: PlanStep[]; verdict: PlanVerdict; next: number[] } {
  if (levels.length > entries.length)
    throw new IpmiError(
      'argument',
      `privileges: ${levels.length} entries given, the BMC has ${entries.length}`,
    );
  const next = entries.map((e, i) => privilegeLevelNumber(levels[i] ?? e.privilege));
  const reasons: PlanVerdict['reasons'] = [];
  const steps: PlanStep[] = [];
  entries.forEach((e, i) => {
    const to = privilegeLevelName(next[i]!);
    if (to === e.privilege) return;
    const ours = session.sameChannel && e.suiteId !== null && e.suiteId === session.cipherSuite;
    const cut = ours && next[i]! < session.privilege;
    if (cut)
      reasons.push({
        code: to === 'unused' ? 'cipher-suite-disabled' : 'cipher-suite-privilege',
        message: `cipher suite ${e.suiteId}, which this session uses, would allow ${to === 'unused' ? 'no login' : `at most ${to}`} while this app logs in as ${privilegeLevelName(session.privilege)}`,
      });
    steps.push({
      field: `entry.${i}${e.suiteId === null ? '' : `.suite.${e.suiteId}`}`,
      from: e.privilege,
      to,
      affectsConnection: cut,
    });
  });
  return { steps, verdict: { level: reasons.length ? 'lockout' : 'safe', reasons }, next };
}

async function channelOf(r: Requester, channel: number | undefined): Promise<number> {
  const c = channel ?? (await firstLanChannel(r));
  if (c === undefined) throw new IpmiError('argument', `${r.host}: this BMC has no LAN channel (channel)`);
  return c;
}

async function entriesOf(r: Requester, channel: number) {
  const p = await readCipherPrivilegeEntries(r, channel);
  if (!p)
    throw new IpmiError(
      'unsupported',
      `${r.host}: channel ${channel} has no cipher suite privilege levels (LAN parameter 24)`,
      { host: r.host, command: 'Get LAN Configuration Parameters' },
    );
  return p;
}

export async function planCipherPrivileges(
  plans: PlanStore,
  host: Host,
  r: Requester & { readonly info: SessionInfo | undefined },
  args: { channel?: number | undefined; privileges: PrivilegeLevelName[] },
): Promise<Plan> {
  const channel = await channelOf(r, args.channel);
  const { entries, raw } = await entriesOf(r, channel);
  const us = await ourConnection(r, host.address);
  const p = computeCipherPrivilegesPlan(entries, args.privileges, {
    cipherSuite: r.info?.interface === 'lanplus' ? r.info.cipherSuite : undefined,
    privilege: r.info?.privilege ?? 4,
    sameChannel: us.channel === undefined || us.channel === channel,
  });
  const payload: Payload = { channel, data: encodeCipherSuitePrivileges(p.next), basis: raw.toString('hex') };
  return plans.create(CIPHER_PRIVILEGES_FAMILY, host.id, p.steps, p.verdict, payload);
}

/** The plan is taken before any BMC is asked: an unknown or unconfirmed plan sends nothing. */
export async function applyCipherPrivileges(
  plans: PlanStore,
  use: <T>(fn: (r: Requester) => Promise<T>) => Promise<T>,
  args: { hostId: string; planId: string; confirmLockout?: boolean | undefined },
): Promise<{ ok: boolean; cipherSuites: CipherSuitesView }> {
  const { plan, payload } = plans.take<Payload>(
    CIPHER_PRIVILEGES_FAMILY,
    args.planId,
    args.confirmLockout,
    args.hostId,
  );
  if (plan.hostId !== args.hostId)
    throw new StalePlanError(`plan ${args.planId} is for another host`, ['other-host']);
  return use((r) => writePlan(r, plan, payload));
}

async function writePlan(r: Requester, plan: Plan, payload: Payload) {
  const { raw } = await entriesOf(r, payload.channel);
  if (raw.toString('hex') !== payload.basis)
    throw new StalePlanError(
      `${r.host}: the cipher suite privileges of channel ${payload.channel} changed since the plan was made; plan again`,
      ['cipher-privileges-changed'],
    );
  if (plan.steps.length > 0) {
    const res = await writeLanParams(r, payload.channel, [
      { field: 'cipherPrivileges', param: LAN_PARAMS.cipherSuitePrivileges.id, data: payload.data },
    ]);
    if (!res.ok) {
      const f = res.failure!;
      if (f.stage === 'write') throw f.error;
      throw new IpmiError('verify-failed', f.error.message, {
        host: r.host,
        command: 'Set LAN Configuration Parameters',
        reasons: ['cipher-privileges'],
      });
    }
  }
  return {
    ok: true,
    cipherSuites: await readCipherSuitesView(r, { channel: payload.channel, payload: 'ipmi' }),
  };
}
