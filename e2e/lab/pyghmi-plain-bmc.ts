// Starts pyghmi-plain-bmc.py: pyghmi's software BMC as it ships (the engine of OpenStack VirtualBMC),
// for the login behaviour other BMCs do not show: every Open Session is answered with suite 3's
// algorithms whatever was proposed, and a RAKP 1 naming an unknown user is ignored (no RAKP 2).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LAB_USERS } from './lab-users';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'pyghmi-plain-bmc.py');
const PYTHON = '/usr/bin/python3'; // python3-pyghmi is a Debian package

export interface PyghmiPlainBmc {
  host: '127.0.0.1';
  port: number;
  stop(): Promise<void>;
}

/** pyghmi knows only the users it is given (no disabled accounts): the lab's admin and operator. */
export const PYGHMI_PLAIN_USERS = [LAB_USERS.admin, LAB_USERS.operator] as const;

export async function startPyghmiPlainBmc(): Promise<PyghmiPlainBmc> {
  const child = spawn(PYTHON, ['-u', SCRIPT, '--port', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  // Credentials on stdin, never argv.
  child.stdin.end(PYGHMI_PLAIN_USERS.map((u) => `${u.name}:${u.password}\n`).join(''));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pyghmi plain BMC did not start: ${stderr}`)), 15_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`pyghmi plain BMC exited: ${stderr}`));
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
