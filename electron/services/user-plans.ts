// Lockout verdicts for user writes. The user we log in as is the one Get Session Info names for our own
// session (its user ID and channel), so a second account with the same name is not mistaken for it.
// Disabling it, or lowering its privilege on our channel below the privilege the host's sessions ask
// for, means the next login fails: verdict `lockout`. Anything else is `safe`. A new password for that
// user is stored as the host's credential once it tested.
import type { Requester } from '../ipmi/client/requester';
import { getSessionInfoRaw, decodeSessionInfo } from '../ipmi/commands/app/get-session-info';
import { IpmiError } from '../ipmi/errors';
import type { Host } from '../../shared/domain/host';
import type { PlanStep, PlanVerdict } from '../../shared/domain/plan';
import type { SettablePrivilege, UsersView } from '../../shared/domain/user';
import { CURRENT_CHANNEL, LEVEL_BY_NAME, readUsersView } from '../views/user';
import {
  readUserEntry,
  setUserEnabledChecked,
  setUserPasswordChecked,
  setUserPrivilegeChecked,
} from '../views/user-writes';
import type { PasswordStorage } from '../ipmi/commands/app/set-user-password';
import { withOptions, type ViewOptions } from '../views/requester-options';
import { StalePlanError, type PlanStore } from './plan-store';

export type UserChange =
  | { kind: 'disable'; userId: number }
  | { kind: 'privilege'; userId: number; channel?: number | undefined; privilege: SettablePrivilege };

export interface OwnLogin {
  userId: number;
  channel: number;
}

/** Our own session's user ID and channel; undefined when the BMC will not say. */
export async function ownLogin(r: Requester, opts?: ViewOptions): Promise<OwnLogin | undefined> {
  const rsp = await getSessionInfoRaw(withOptions(r, opts), { kind: 'current' });
  if (rsp.completionCode !== 0) return undefined;
  const info = decodeSessionInfo(rsp.data, r.host);
  if (info.userId === undefined || info.channel === undefined) return undefined;
  return { userId: info.userId, channel: info.channel };
}

const HOST_LEVEL: Record<Host['privilege'], number> = {
  callback: 1,
  user: 2,
  operator: 3,
  administrator: 4,
  oem: 5,
};

/**
 * Our user as Get Session Info names it; where the BMC will not say, the target counts as ours when its
 * name is the host's user name (on the channel we are connected on).
 */
async function resolveOwn(
  r: Requester,
  host: Host,
  targetName: string,
  change: UserChange,
  opts?: ViewOptions,
): Promise<OwnLogin | undefined> {
  const own = await ownLogin(r, opts);
  if (own) return own;
  return targetName === host.username ? { userId: change.userId, channel: CURRENT_CHANNEL } : undefined;
}

export function userChangeVerdict(change: UserChange, own: OwnLogin | undefined, host: Host): PlanVerdict {
  if (own === undefined || change.userId !== own.userId) return { level: 'safe', reasons: [] };
  if (change.kind === 'disable')
    return {
      level: 'lockout',
      reasons: [
        {
          code: 'disables-own-user',
          message: `user ${own.userId} is the user this app logs in as (${host.username})`,
        },
      ],
    };
  const channel = change.channel ?? CURRENT_CHANNEL;
  if (channel !== CURRENT_CHANNEL && channel !== own.channel) return { level: 'safe', reasons: [] };
  const level = LEVEL_BY_NAME[change.privilege];
  const needed = HOST_LEVEL[host.privilege] ?? 4;
  // callback (1) and no access (0xF) end our logins; OEM (5) has no defined order against the others
  if (level === 0x0f || level < needed || level === 5)
    return {
      level: 'lockout',
      reasons: [
        {
          code: 'demotes-own-user',
          message: `user ${own.userId} (${host.username}) would get ${change.privilege} on channel ${own.channel}; this app logs in as ${host.privilege}`,
        },
      ],
    };
  return { level: 'safe', reasons: [] };
}

interface Payload {
  change: UserChange;
  channel: number;
  before: { name: string; privilegeLevel: number; enableStatus: string };
}

export const USER_PLAN_FAMILY = 'users';
const FAMILY = USER_PLAN_FAMILY;

async function stateOf(r: Requester, change: UserChange, channel: number, opts?: ViewOptions) {
  const e = await readUserEntry(r, change.userId, channel, opts);
  return {
    entry: e,
    before: { name: e.name, privilegeLevel: e.privilegeLevel, enableStatus: e.enableStatus },
  };
}

export async function planUserChange(
  r: Requester,
  host: Host,
  plans: PlanStore,
  change: UserChange,
  opts?: ViewOptions,
) {
  const channel = change.kind === 'privilege' ? (change.channel ?? CURRENT_CHANNEL) : CURRENT_CHANNEL;
  const { entry, before } = await stateOf(r, change, channel, opts);
  const own = await resolveOwn(r, host, entry.name, change, opts);
  const verdict = userChangeVerdict(change, own, host);
  const affects = verdict.level !== 'safe';
  const step: PlanStep =
    change.kind === 'disable'
      ? {
          field: `user.${change.userId}.enabled`,
          from: entry.enableStatus === 'unspecified' ? null : entry.enableStatus,
          to: 'disabled',
          affectsConnection: affects,
        }
      : {
          field: `user.${change.userId}.channel.${channel}.privilege`,
          from: entry.privilege,
          to: change.privilege,
          affectsConnection: affects,
        };
  return plans.create<Payload>(FAMILY, host.id, [step], verdict, { change, channel, before });
}

/** Applies a plan made by planUserChange after checking the user is as it was planned from. */
export async function applyUserPlan(
  r: Requester,
  plans: PlanStore,
  hostId: string,
  planId: string,
  confirmLockout: boolean,
  opts?: ViewOptions,
): Promise<UsersView> {
  const { plan, payload } = plans.take<Payload>(FAMILY, planId, confirmLockout, hostId);
  if (plan.hostId !== hostId)
    throw new StalePlanError(`plan ${planId} is for another host`, ['plan-host-differs']);
  const { change, channel, before } = payload;
  const now = await stateOf(r, change, channel, opts);
  const moved = (Object.keys(before) as (keyof Payload['before'])[]).filter(
    (k) => before[k] !== now.before[k],
  );
  if (moved.length > 0)
    throw new StalePlanError(
      `${r.host}: user ${change.userId} changed since the plan was made (${moved.join(', ')})`,
      moved.map((k) => `user-${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}-changed`),
    );
  await applyChange(r, change, channel, opts);
  return readUsersView(r, channel, opts);
}

async function applyChange(r: Requester, change: UserChange, channel: number, opts?: ViewOptions) {
  if (change.kind === 'disable') await setUserEnabledChecked(r, change.userId, false, opts);
  else await setUserPrivilegeChecked(r, change.userId, channel, change.privilege, opts);
}

/** Refuses a lockout with its reasons: it is to be planned, shown and confirmed via users.plan/apply. */
async function refuseLockout(
  r: Requester,
  host: Host,
  change: UserChange,
  channel: number,
  opts?: ViewOptions,
) {
  const { entry } = await stateOf(r, change, channel, opts);
  const verdict = userChangeVerdict(change, await resolveOwn(r, host, entry.name, change, opts), host);
  if (verdict.level === 'lockout')
    throw new IpmiError(
      'lockout',
      `${host.name}: refused: ${verdict.reasons.map((x) => x.message).join('; ')}; use users.plan and confirm`,
      { host: r.host, reasons: verdict.reasons.map((x) => x.code) },
    );
}

/** users.disable: at once when safe, refused (lockout) for our own user. */
export async function disableUserIfSafe(r: Requester, host: Host, userId: number, opts?: ViewOptions) {
  await refuseLockout(r, host, { kind: 'disable', userId }, CURRENT_CHANNEL, opts);
  return setUserEnabledChecked(r, userId, false, opts);
}

/** users.setPrivilege: at once when safe, refused (lockout) for a demotion of our own user. */
export async function setPrivilegeIfSafe(
  r: Requester,
  host: Host,
  change: Extract<UserChange, { kind: 'privilege' }>,
  opts?: ViewOptions,
) {
  const channel = change.channel ?? CURRENT_CHANNEL;
  await refuseLockout(r, host, change, channel, opts);
  return setUserPrivilegeChecked(r, change.userId, channel, change.privilege, opts);
}

/**
 * users.setPassword: after the password of the user we log in as changed (and tested), the stored
 * credential follows, so the next login (re-login, another window, a fleet run) uses the new one.
 */
export async function setPasswordKeepingLogin(
  r: Requester,
  host: Host,
  req: { userId: number; password: string; storage?: PasswordStorage | undefined },
  storeOwnPassword: (password: string) => Promise<void>,
  opts?: ViewOptions,
) {
  const entry = await readUserEntry(r, req.userId, CURRENT_CHANNEL, opts);
  const own = await resolveOwn(r, host, entry.name, { kind: 'disable', userId: req.userId }, opts);
  const done = await setUserPasswordChecked(r, req.userId, req.password, req.storage, opts);
  if (own?.userId === req.userId) await storeOwnPassword(req.password);
  return done;
}
