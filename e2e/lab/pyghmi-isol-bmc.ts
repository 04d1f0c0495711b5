// Starts pyghmi-isol-bmc.py: a BMC that has the IPMI v1.5 SOL configuration commands (NetFn 0x34)
// ipmi_sim lacks, for `isol` parity. RMCP+ only (pyghmi's server); the admin lab user only.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LAB_USERS } from './lab-users';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'pyghmi-isol-bmc.py');
const PYTHON = '/usr/bin/python3'; // python3-pyghmi is a Debian package

export interface PyghmiIsolBmc {
  host: '127.0.0.1';
  port: number;
  stop(): Promise<void>;
}

export interface IsolBmcOptions {
  /** parameter 1, default enabled */
  enabled?: boolean;
  /** parameter 2 byte, default 0x84 (ADMINISTRATOR, bit 7 set) */
  authentication?: number;
  /** parameter 5 code, default 0x0a (115.2 kbps) */
  bitRate?: number;
}

export async function startPyghmiIsolBmc(opts: IsolBmcOptions = {}): Promise<PyghmiIsolBmc> {
  const args = [
    '-u',
    SCRIPT,
    '--port',
    '0',
    '--enabled',
    opts.enabled === false ? '0' : '1',
    '--auth',
    String(opts.authentication ?? 0x84),
    '--bit-rate',
    String(opts.bitRate ?? 0x0a),
  ];
  const child = spawn(PYTHON, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  // Credentials on stdin, never argv.
  child.stdin.end(`${LAB_USERS.admin.name}:${LAB_USERS.admin.password}\n`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pyghmi ISOL BMC did not start: ${stderr}`)), 15_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`pyghmi ISOL BMC exited: ${stderr}`));
    });
  }).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
  return {
    host: '127.0.0.1',
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
