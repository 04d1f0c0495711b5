// Peer-test support: an app instance (test-app.ts) whose one host is a lab BMC, logged in as a lab user
// with its password in the app's credential store, over lanplus suite 3 (what ipmi_sim offers).
import { connect } from '../../electron/ipmi/client/connect';
import type { Host } from '../../shared/domain/host';
import type { LabBmc, LabUser } from './bmc-lab';
import { testApp } from '../../electron/ipc/test-app';
import type { App } from '../../electron/ipc/app-services';

export const LAB_HOST_ID = 'h0labhost01';

export function labHost(bmc: Pick<LabBmc, 'host' | 'port'>, user: LabUser): Host {
  return {
    id: LAB_HOST_ID,
    name: 'lab',
    address: bmc.host,
    port: bmc.port,
    username: user.name,
    interface: 'lanplus',
    cipherSuite: 3,
    privilege: user.privilege,
    groups: [],
    notes: '',
  };
}

export async function labApp(
  bmc: Pick<LabBmc, 'host' | 'port'>,
  user: LabUser,
  log?: (line: string) => void,
): Promise<App & { dir: string }> {
  return testApp({
    hosts: [labHost(bmc, user)],
    passwords: { [LAB_HOST_ID]: user.password },
    connect: (o) => connect({ ...o, timeoutMs: 500 }),
    ...(log ? { log } : {}),
  });
}

/** dispatch, unwrapped: the value, or the error data thrown as an Error carrying it */
export async function callOk(app: App, name: string, args: Record<string, unknown>): Promise<unknown> {
  const r = await app.dispatch(name, { hostId: LAB_HOST_ID, ...args });
  if (!r.ok)
    throw Object.assign(new Error(`${name}: ${r.error.code}: ${r.error.message}`), { data: r.error });
  return r.value;
}
