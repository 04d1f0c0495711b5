// The users of one channel (shared/domain/user.ts) from Get User Access and Get User Name. The first
// Get User Access (user 1) tells how many IDs there are; then every other request is sent at once and the
// session's window keeps them in flight, so the list costs about one round trip per window instead of
// two per user. `user list|summary` print this view; `users.list` returns it.
import type { Requester } from '../ipmi/client/requester';
import { isIpmiError } from '../ipmi/errors';
import { getUserAccess, type UserAccess } from '../ipmi/commands/app/get-user-access';
import { getUserName } from '../ipmi/commands/app/get-user-name';
import { PRIVILEGE } from '../ipmi/commands/app/user-ids';
import type { PrivilegeLimitName, UserEntry, UsersView } from '../../shared/domain/user';
import { withOptions, type ViewOptions } from './requester-options';

/** Get User Access channel 0xE: the channel this request arrives on. */
export const CURRENT_CHANNEL = 0x0e;

const NAME_BY_LEVEL: Record<number, PrivilegeLimitName> = {
  [PRIVILEGE.callback]: 'callback',
  [PRIVILEGE.user]: 'user',
  [PRIVILEGE.operator]: 'operator',
  [PRIVILEGE.administrator]: 'administrator',
  [PRIVILEGE.oem]: 'oem',
  [PRIVILEGE.noAccess]: 'no-access',
};
export const LEVEL_BY_NAME: Record<Exclude<PrivilegeLimitName, 'unknown'>, number> = {
  callback: PRIVILEGE.callback,
  user: PRIVILEGE.user,
  operator: PRIVILEGE.operator,
  administrator: PRIVILEGE.administrator,
  oem: PRIVILEGE.oem,
  'no-access': PRIVILEGE.noAccess,
};

export const privilegeLimitName = (level: number): PrivilegeLimitName => NAME_BY_LEVEL[level] ?? 'unknown';

export function userEntryView(id: number, name: string, a: UserAccess): UserEntry {
  return {
    id,
    name,
    enableStatus: a.enableStatus,
    callin: !a.callbackOnly,
    linkAuth: a.linkAuth,
    ipmiMessaging: a.ipmiMessaging,
    privilege: privilegeLimitName(a.privilegeLimit),
    privilegeLevel: a.privilegeLimit,
  };
}

export type UserSummary = Omit<UsersView, 'users'>;

export function userSummaryView(channel: number, a: UserAccess): UserSummary {
  return {
    channel,
    maxUserIds: a.maxUserIds,
    enabledUserIds: a.enabledUserIds,
    fixedNameUserIds: a.fixedNameUserIds,
  };
}

export async function readUserSummary(
  r: Requester,
  channel = CURRENT_CHANNEL,
  opts?: ViewOptions,
): Promise<UserSummary> {
  return userSummaryView(channel, await getUserAccess(withOptions(r, opts), channel, 1));
}

/** A refusal part-way: the users before it, and which request the BMC refused. */
export interface UsersReadFailure {
  userId: number;
  step: 'access' | 'name';
  error: unknown;
}

export interface UsersRead {
  view: UsersView;
  /** set when the BMC refused a request; `view.users` then holds the users before it */
  failure?: UsersReadFailure;
}

const refused = (e: unknown) =>
  isIpmiError(e) &&
  e.completionCode !== undefined &&
  (e.kind === 'completion-code' || e.kind === 'privilege');

/**
 * Every user of `channel`, in ID order. A refused request stops the list there (as ipmitool stops) and is
 * returned as `failure`; a name the BMC refuses with 0xCC (an unused ID) reads ''. Other errors (no answer,
 * cancel) are thrown. `users.list` throws the failure; the CLI prints the users before it, then the error.
 */
export async function readUsers(
  r: Requester,
  channel = CURRENT_CHANNEL,
  opts?: ViewOptions,
): Promise<UsersRead> {
  const q = withOptions(r, opts);
  const first = await getUserAccess(q, channel, 1);
  const view: UsersView = { ...userSummaryView(channel, first), users: [] };
  const max = Math.min(first.maxUserIds, 63);
  const settle = <T>(p: Promise<T>) =>
    p.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  const ids = Array.from({ length: Math.max(max, 1) }, (_, i) => i + 1);
  const accesses = ids.map((id) =>
    id === 1 ? Promise.resolve({ ok: true as const, value: first }) : settle(getUserAccess(q, channel, id)),
  );
  const names = ids.map((id) => settle(getUserName(q, id)));
  for (const [i, id] of ids.entries()) {
    const a = await accesses[i]!;
    if (!a.ok) {
      if (refused(a.error)) return { view, failure: { userId: id, step: 'access', error: a.error } };
      throw a.error;
    }
    const n = await names[i]!;
    let name = '';
    if (n.ok) name = n.value;
    else if (!(isIpmiError(n.error) && n.error.completionCode === 0xcc)) {
      if (refused(n.error)) return { view, failure: { userId: id, step: 'name', error: n.error } };
      throw n.error;
    }
    view.users.push(userEntryView(id, name, a.value));
  }
  return { view };
}

export async function readUsersView(
  r: Requester,
  channel = CURRENT_CHANNEL,
  opts?: ViewOptions,
): Promise<UsersView> {
  const got = await readUsers(r, channel, opts);
  if (got.failure) throw got.failure.error;
  return got.view;
}
