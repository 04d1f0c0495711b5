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
  'sel.list',
  'sel.clear',
  'sel.delete',
  'sel.time.get',
  'sel.time.set',
  'sel.time.sync',
  'fleet.power',
  'fleet.identify',
  'fleet.bootDevice',
  'sensors.list',
  'sensors.setThreshold',
  'fru.read',
  'firewall.read',
  'firewall.plan',
  'firewall.apply',
  'lan.get',
  'lan.plan',
  'lan.apply',
  'sol.config.get',
  'sol.config.set',
  'channel.info',
  'channel.cipherSuites',
  'channel.cipherPrivileges.plan',
  'channel.cipherPrivileges.apply',
  'session.info',
] as const;
export const EVENT_NAMES = ['operation.progress', 'app.notice', 'hosts.changed'] as const;

/** Every IPC channel starts with this; the main side refuses anything else. */
export const CHANNEL_PREFIX = 'bmc:';
export const callChannel = (name: string): string => `${CHANNEL_PREFIX}${name}`;
export const eventChannel = (name: string): string => `${CHANNEL_PREFIX}event:${name}`;
