// The contract's names without zod, for the preload (a sandboxed preload bundles everything it
// imports, so it stays tiny). contract.test.ts asserts these equal the keys of the real contract.
export const CALL_NAMES = [
  'app.status',
  'operations.cancel',
  'hosts.list',
  'hosts.add',
  'hosts.update',
  'hosts.remove',
  'hosts.importCsv',
  'hosts.exportCsv',
  'credentials.set',
  'credentials.has',
  'credentials.delete',
  'session.connect',
  'session.disconnect',
  'power.status',
  'chassis.status',
  'mc.info',
  'fleet.powerStatus',
  'mc.reset',
  'chassis.control',
  'chassis.identify',
  'chassis.policy.get',
  'chassis.policy.set',
  'chassis.boot.get',
  'chassis.boot.set',
  'chassis.boot.clear',
  'chassis.restartCause',
  'chassis.powerOnHours',
  'users.list',
  'users.setName',
  'users.setPassword',
  'users.testPassword',
  'users.setPrivilege',
  'users.enable',
  'users.disable',
  'users.plan',
  'users.apply',
  'raw.send',
] as const;
export const EVENT_NAMES = ['operation.progress', 'app.notice', 'hosts.changed'] as const;

/** Every IPC channel starts with this; the main side refuses anything else. */
export const CHANNEL_PREFIX = 'bmc:';
export const callChannel = (name: string): string => `${CHANNEL_PREFIX}${name}`;
export const eventChannel = (name: string): string => `${CHANNEL_PREFIX}event:${name}`;
