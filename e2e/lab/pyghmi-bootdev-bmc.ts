// Starts pyghmi-bootdev-bmc.py: a second, independent BMC with the chassis commands ipmi_sim lacks
// (power restore policy, POH counter, restart cause) and full boot flags. RMCP+ only (pyghmi's server).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LAB_USERS } from './lab-users';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'pyghmi-bootdev-bmc.py');
const PYTHON = '/usr/bin/python3'; // python3-pyghmi is a Debian package

export interface PyghmiChassisBmc {
  host: '127.0.0.1';
  port: number;
  /** undefined while the BMC runs; after it ended on its own, its exit status and what it printed */
  died(): string | undefined;
  stop(): Promise<void>;
}

export async function startPyghmiChassisBmc(opts: { poh?: number } = {}): Promise<PyghmiChassisBmc> {
  const child = spawn(PYTHON, ['-u', SCRIPT, '--port', '0', '--poh', String(opts.poh ?? 12345)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  // Credentials on stdin, never argv.
  child.stdin.end(`${LAB_USERS.admin.name}:${LAB_USERS.admin.password}\n`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pyghmi chassis BMC did not start: ${stderr}`)), 15_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`pyghmi chassis BMC exited: ${stderr}`));
    });
  }).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
  let stopping = false;
  return {
    host: '127.0.0.1',
    port,
    died() {
      if (stopping || (child.exitCode === null && child.signalCode === null)) return undefined;
      return `pyghmi chassis BMC ended (${child.exitCode ?? child.signalCode}): ${stderr.trim()}`;
    },
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
