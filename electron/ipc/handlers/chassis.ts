import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import {
  chassisControlByName,
  clearBootOptionsView,
  identifyChassis,
  readBootOptionsView,
  readPowerOnHoursView,
  readPowerPolicyView,
  readRestartCauseView,
  setBootOptionsView,
  setPowerPolicyView,
} from '../../views/chassis';

type ChassisCall =
  | 'chassis.control'
  | 'chassis.identify'
  | 'chassis.policy.get'
  | 'chassis.policy.set'
  | 'chassis.boot.get'
  | 'chassis.boot.set'
  | 'chassis.boot.clear'
  | 'chassis.restartCause'
  | 'chassis.powerOnHours';

export function chassisHandlers(s: AppServices): Pick<Handlers, ChassisCall> {
  return {
    'chassis.control': async ({ hostId, action }, ctx) =>
      s.pool.use(hostId, (r) => chassisControlByName(r, action, { signal: ctx.signal })),
    'chassis.identify': async ({ hostId, ...req }, ctx) =>
      s.pool.use(hostId, (r) => identifyChassis(r, req, { signal: ctx.signal })),
    'chassis.policy.get': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (r) => readPowerPolicyView(r, { signal: ctx.signal })),
    'chassis.policy.set': async ({ hostId, policy }, ctx) =>
      s.pool.use(hostId, (r) => setPowerPolicyView(r, policy, { signal: ctx.signal })),
    'chassis.boot.get': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (r) => readBootOptionsView(r, { signal: ctx.signal })),
    'chassis.boot.set': async ({ hostId, ...req }, ctx) =>
      s.pool.use(hostId, (r) => setBootOptionsView(r, req, { signal: ctx.signal })),
    'chassis.boot.clear': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (r) => clearBootOptionsView(r, { signal: ctx.signal })),
    'chassis.restartCause': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (r) => readRestartCauseView(r, { signal: ctx.signal })),
    'chassis.powerOnHours': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (r) => readPowerOnHoursView(r, { signal: ctx.signal })),
  };
}
