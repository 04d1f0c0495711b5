// Starts one of the lab's pyghmi software BMC scripts (e2e/lab/pyghmi-*.py, ami-firewall-bmc.py, all
// started by pyghmi_lab.serve): credentials on stdin (never argv), the script prints "READY <port>"
// once it listens on 127.0.0.1.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LAB_USERS, type LabUser } from './lab-users';

// python3-pyghmi is a Debian package: use the system interpreter, not whatever is on PATH.
export const PYGHMI_PYTHON = '/usr/bin/python3';
export const LAB_DIR = dirname(fileURLToPath(import.meta.url));
const START_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 3_000;

export interface PyghmiPeer {
  host: '127.0.0.1';
  port: number;
  /** undefined while the BMC runs (or is being stopped); after it ended on its own, its exit status and
   *  what it printed on stderr */
  died(): string | undefined;
  /** idempotent; resolves once the process has exited */
  stop(): Promise<void>;
}

export interface PyghmiPeerOptions {
  /** the users the BMC knows, one stdin line each; default the lab's admin only */
  users?: readonly LabUser[];
  /** how a user is written on stdin; default "name:password" */
  userLine?: (u: LabUser) => string;
  /** variables added to this process's environment for the script */
  env?: Record<string, string>;
}

/** Runs e2e/lab/<script> with `--port 0` and the given arguments. */
export async function startPyghmiPeer(
  script: string,
  args: readonly string[] = [],
  opts: PyghmiPeerOptions = {},
): Promise<PyghmiPeer> {
  const child = spawn(PYGHMI_PYTHON, ['-u', join(LAB_DIR, script), '--port', '0', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: opts.env ? { ...process.env, ...opts.env } : process.env,
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const userLine = opts.userLine ?? ((u: LabUser) => `${u.name}:${u.password}`);
  child.stdin.end((opts.users ?? [LAB_USERS.admin]).map((u) => `${userLine(u)}\n`).join(''));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${stderr}`)), START_TIMEOUT_MS);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`${script} exited: ${stderr}`));
    });
  }).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
  let stopped: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port,
    died() {
      if (stopped || running()) return undefined;
      return `${script} ended (${child.exitCode ?? child.signalCode}): ${stderr.trim()}`;
    },
    stop() {
      stopped ??= (async () => {
        if (running()) child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, STOP_GRACE_MS))]);
        if (running()) child.kill('SIGKILL');
        await exited;
      })();
      return stopped;
    },
  };
}
