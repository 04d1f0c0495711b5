import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { readUsersView } from '../../views/user';
import { setUserEnabledChecked, setUserNameChecked, testUserPasswordView } from '../../views/user-writes';
import {
  applyUserPlan,
  disableUserIfSafe,
  planUserChange,
  setPasswordKeepingLogin,
  setPrivilegeIfSafe,
  USER_PLAN_FAMILY,
} from '../../services/user-plans';

type UsersCall =
  | 'users.list'
  | 'users.setName'
  | 'users.setPassword'
  | 'users.testPassword'
  | 'users.setPrivilege'
  | 'users.enable'
  | 'users.disable'
  | 'users.plan'
  | 'users.apply';

export function usersHandlers(s: AppServices): Pick<Handlers, UsersCall> {
  return {
    'users.list': async ({ hostId, channel }, ctx) =>
      s.pool.use(hostId, (r) => readUsersView(r, channel, { signal: ctx.signal })),
    'users.setName': async ({ hostId, userId, name }, ctx) =>
      s.pool.use(hostId, (r) => setUserNameChecked(r, userId, name, { signal: ctx.signal })),
    'users.setPassword': async ({ hostId, userId, password, storage }, ctx) =>
      s.pool.use(hostId, (r) =>
        setPasswordKeepingLogin(
          r,
          s.inventory.require(hostId),
          { userId, password, storage },
          (pw) => s.credentials.set(hostId, pw),
          { signal: ctx.signal },
        ),
      ),
    'users.testPassword': async ({ hostId, userId, password, storage }, ctx) =>
      s.pool.use(hostId, (r) => testUserPasswordView(r, userId, password, storage, { signal: ctx.signal })),
    'users.setPrivilege': async ({ hostId, userId, channel, privilege }, ctx) =>
      s.pool.use(hostId, (r) =>
        setPrivilegeIfSafe(
          r,
          s.inventory.require(hostId),
          { kind: 'privilege', userId, channel, privilege },
          {
            signal: ctx.signal,
          },
        ),
      ),
    'users.enable': async ({ hostId, userId }, ctx) =>
      s.pool.use(hostId, (r) => setUserEnabledChecked(r, userId, true, { signal: ctx.signal })),
    'users.disable': async ({ hostId, userId }, ctx) =>
      s.pool.use(hostId, (r) =>
        disableUserIfSafe(r, s.inventory.require(hostId), userId, { signal: ctx.signal }),
      ),
    'users.plan': async ({ hostId, change }, ctx) =>
      s.pool.use(hostId, (r) =>
        planUserChange(r, s.inventory.require(hostId), s.plans, change, { signal: ctx.signal }),
      ),
    'users.apply': async ({ hostId, planId, confirmLockout }, ctx) => {
      s.plans.check(USER_PLAN_FAMILY, planId, confirmLockout, hostId); // no login for a plan refused anyway
      return s.pool.use(hostId, (r) =>
        applyUserPlan(r, s.plans, hostId, planId, confirmLockout ?? false, { signal: ctx.signal }),
      );
    },
  };
}
