// Starts one of the lab's pyghmi software BMC scripts (e2e/lab/pyghmi-*.py): credentials on stdin
// (never argv), the script prints "READY <port>" once it listens on 127.0.0.1.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LAB_USERS } from './lab-users';

const PYTHON = '/usr/bin/python3'; // python3-pyghmi is a Debian package
const LAB_DIR = dirname(fileURLToPath(import.meta.url));

export interface PyghmiPeer {
  host: '127.0.0.1';
  port: number;
  stop(): Promise<void>;
}

/** Runs e2e/lab/<script> with `--port 0` and the given arguments; only the admin lab user exists. */
export async function startPyghmiPeer(script: string, args: string[] = []): Promise<PyghmiPeer> {
  const child = spawn(PYTHON, ['-u', join(LAB_DIR, script), '--port', '0', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdin.end(`${LAB_USERS.admin.name}:${LAB_USERS.admin.password}\n`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${stderr}`)), 15_000);
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
