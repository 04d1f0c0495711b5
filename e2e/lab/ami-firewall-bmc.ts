// A second, independent lab BMC for the AMI MegaRAC OEM firewall (NetFn 0x32, Set 0x76 / Get 0x77):
// ami-firewall-bmc.py on pyghmi's software BMC. ipmi_sim has no hook for OEM commands, hence a
// separate peer. Tests read the rule table independently of IPMI from the JSON file it rewrites after
// every change.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAB_USERS, PRIVILEGE_LEVEL, type LabUser } from './lab-users';
import { LAB_DIR, PYGHMI_PYTHON, startPyghmiPeer, type PyghmiPeer } from './pyghmi-peer';

const SCRIPT = 'ami-firewall-bmc.py';

export interface FirewallRule {
  /** The Set parameter that created it: 0 IP, 1 IP range, 2 port, 3 port range, 11-14 timed, 19 drop-all. */
  type: number;
  state: 'drop' | 'accept';
  /** Rule body as sent after the state byte, hex. */
  body: string;
  ip?: string;
  start?: string;
  end?: string;
  protocol?: 'tcp' | 'udp' | 'both';
  port?: number;
  endPort?: number;
  flags?: number;
  stop?: string;
}

export interface FirewallState {
  /** Get parameter 2: bit 0 IPv4, bit 1 IPv6. */
  blockAll: number;
  rules: FirewallRule[];
}

export interface AmiFirewallBmc extends PyghmiPeer {
  users: { admin: LabUser; operator: LabUser; user: LabUser };
  layout: AmiFirewallLayout;
  /** JSON file holding the current rule table. */
  statePath: string;
  rules(): FirewallState;
}

/** The Get Firewall reply shape the BMC answers in (see ami-firewall-bmc.py): the documented one, a
 *  second plausible AMI generation, or one that matches no known layout. */
export type AmiFirewallLayout = 'v1' | 'v2' | 'opaque';

export interface AmiFirewallOptions {
  /** Pad Get-entry bodies to 20 bytes, like AMI's C union with timeouts (v1 only). */
  pad?: boolean;
  /** default 'v1' */
  layout?: AmiFirewallLayout;
}

export async function startAmiFirewallBmc(opts: AmiFirewallOptions = {}): Promise<AmiFirewallBmc> {
  const dir = await mkdtemp(join(tmpdir(), 'bmclab-ami-'));
  const statePath = join(dir, 'rules.json');
  const users = { admin: LAB_USERS.admin, operator: LAB_USERS.operator, user: LAB_USERS.user };
  const args = [
    '--state',
    statePath,
    ...(opts.pad ? ['--pad'] : []),
    ...(opts.layout ? ['--layout', opts.layout] : []),
  ];
  const peer = await startPyghmiPeer(SCRIPT, args, {
    users: Object.values(users),
    userLine: (u) => `${u.name}:${u.password}:${PRIVILEGE_LEVEL[u.privilege]}`,
  }).catch(async (e: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw e;
  });

  let stopped: Promise<void> | undefined;
  return {
    ...peer,
    users,
    layout: opts.layout ?? 'v1',
    statePath,
    rules: () => JSON.parse(readFileSync(statePath, 'utf8')) as FirewallState,
    stop() {
      stopped ??= (async () => {
        await peer.stop();
        await rm(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/** For callers that only need to know the script is present (e.g. skip conditions). */
export const AMI_FIREWALL_AVAILABLE = existsSync(PYGHMI_PYTHON) && existsSync(join(LAB_DIR, SCRIPT));
