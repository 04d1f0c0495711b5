// Starts pyghmi-sel-bmc.py: the SEL, event, PEF and session commands ipmi_sim lacks
// (Platform Event Message, Last Processed Event ID, LAN alert destinations, Board ID). RMCP+ only.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LAB_USERS } from './lab-users';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'pyghmi-sel-bmc.py');
const PYTHON = '/usr/bin/python3'; // python3-pyghmi is a Debian package

export interface PyghmiSelBmc {
  host: '127.0.0.1';
  port: number;
  stop(): Promise<void>;
}

export interface PyghmiSelBmcOptions {
  /** Get Device ID manufacturer (IANA); 10876 makes it a Supermicro BMC that answers Get Board ID */
  manufacturerId?: number;
  productId?: number;
  /** what Get Board ID answers (Supermicro only); default 0x0872 (X10QRH, DIMM scheme 4) */
  boardId?: number;
  /** event filters in the PEF filter table, 0-3; default 3 */
  eventFilters?: number;
}

export async function startPyghmiSelBmc(opts: PyghmiSelBmcOptions = {}): Promise<PyghmiSelBmc> {
  const args = ['-u', SCRIPT, '--port', '0'];
  if (opts.manufacturerId !== undefined) args.push('--mfg', String(opts.manufacturerId));
  if (opts.productId !== undefined) args.push('--product', String(opts.productId));
  if (opts.boardId !== undefined) args.push('--board-id', String(opts.boardId));
  if (opts.eventFilters !== undefined) args.push('--filters', String(opts.eventFilters));
  const child = spawn(PYTHON, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  // Credentials on stdin, never argv.
  child.stdin.end(`${LAB_USERS.admin.name}:${LAB_USERS.admin.password}\n`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pyghmi SEL BMC did not start: ${stderr}`)), 15_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`pyghmi SEL BMC exited: ${stderr}`));
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
