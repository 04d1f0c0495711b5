// A second, independent lab BMC for the AMI MegaRAC OEM firewall (NetFn 0x32, Set 0x76 / Get 0x77):
// ami-firewall-bmc.py on pyghmi's software BMC. ipmi_sim has no hook for OEM commands, hence a
// separate peer. Tests read the rule table independently of IPMI from the JSON file it rewrites after
// every change.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LAB_USERS, PRIVILEGE_LEVEL, type LabUser } from './lab-users';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'ami-firewall-bmc.py');
// pyghmi is a Debian package (python3-pyghmi): use the system interpreter, not whatever is on PATH.
const PYTHON = '/usr/bin/python3';
const START_TIMEOUT_MS = 15_000;

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

export interface AmiFirewallBmc {
  host: '127.0.0.1';
  port: number;
  users: { admin: LabUser; operator: LabUser; user: LabUser };
  layout: AmiFirewallLayout;
  /** JSON file holding the current rule table. */
  statePath: string;
  rules(): FirewallState;
  stop(): Promise<void>;
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
    SCRIPT,
    '--port',
    '0',
    '--state',
    statePath,
    ...(opts.pad ? ['--pad'] : []),
    ...(opts.layout ? ['--layout', opts.layout] : []),
  ];
  const child = spawn(PYTHON, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  // Credentials on stdin, never argv.
  child.stdin.end(
    Object.values(users)
      .map((u) => `${u.name}:${u.password}:${PRIVILEGE_LEVEL[u.privilege]}\n`)
      .join(''),
  );

  let port: number;
  try {
    port = await readyPort(child, () => stderr);
  } catch (e) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw e;
  }

  let stopped: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port,
    users,
    layout: opts.layout ?? 'v1',
    statePath,
    rules: () => JSON.parse(readFileSync(statePath, 'utf8')) as FirewallState,
    stop() {
      stopped ??= (async () => {
        await kill(child);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

function readyPort(child: ChildProcess, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const fail = (why: string) => {
      clearTimeout(timer);
      lines.close();
      reject(new Error(`AMI firewall BMC did not start (${why}): ${stderr()}`));
    };
    const timer = setTimeout(() => fail('timeout'), START_TIMEOUT_MS);
    child.once('exit', (code) => fail(`exit ${code}`));
    lines.on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(Number(m[1]));
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

/** For callers that only need to know the script is present (e.g. skip conditions). */
export const AMI_FIREWALL_AVAILABLE = existsSync(PYTHON) && existsSync(SCRIPT);
