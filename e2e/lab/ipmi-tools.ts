// Runs the reference clients (ipmitool, FreeIPMI tools) against a lab BMC. Passwords never go on argv:
// ipmitool reads IPMI_PASSWORD (`-E`); FreeIPMI tools read a private (0600) config file.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAB_USERS, type LabPrivilege, type LabUser } from './lab-users';

export interface ToolResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface ToolOptions {
  user?: LabUser;
  /** Session privilege to ask for; defaults to the user's own level so operator/user logins succeed. */
  privilege?: LabPrivilege;
  timeoutMs?: number;
  /** Extra environment (e.g. TZ for SEL dates). */
  env?: Record<string, string>;
  /** Written to the tool's stdin, then stdin is closed. */
  input?: string;
}

export interface IpmitoolOptions extends ToolOptions {
  iface?: 'lanplus' | 'lan';
  /** RMCP+ cipher suite, lanplus only. Default 3: ipmi_sim ignores pre-session Get Channel Cipher Suites. */
  cipher?: number;
  /** IPMI 1.5 auth type for `-I lan` (`-A`). */
  authType?: 'NONE' | 'PASSWORD' | 'MD2' | 'MD5';
}

const SDR_TOOLS = new Set(['ipmi-sensors', 'ipmi-sel', 'ipmi-fru']);
const IPMITOOL_PRIV: Record<LabPrivilege, string> = {
  user: 'USER',
  operator: 'OPERATOR',
  administrator: 'ADMINISTRATOR',
};
const FREEIPMI_PRIV: Record<LabPrivilege, string> = {
  user: 'USER',
  operator: 'OPERATOR',
  administrator: 'ADMIN',
};

export function run(
  cmd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  input?: string,
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.stdin.on('error', () => {}); // the tool may exit before reading its input
    child.stdin.end(input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: signal ? `${stderr}\n[killed by ${signal} after ${timeoutMs} ms]` : stderr,
        code: code ?? 128,
      });
    });
  });
}

/** A lab BMC as the runners see it: its port, and its address if not 127.0.0.1. */
export interface ToolTarget {
  port: number;
  host?: string;
}

function ipmitoolCommand(
  bmc: ToolTarget,
  args: string[],
  opts: IpmitoolOptions,
): { argv: string[]; env: NodeJS.ProcessEnv } {
  const user = opts.user ?? LAB_USERS.admin;
  const iface = opts.iface ?? 'lanplus';
  const argv = ['-I', iface, '-H', bmc.host ?? '127.0.0.1', '-p', String(bmc.port), '-U', user.name];
  argv.push('-L', IPMITOOL_PRIV[opts.privilege ?? user.privilege]);
  if (iface === 'lanplus') argv.push('-C', String(opts.cipher ?? 3));
  if (opts.authType) argv.push('-A', opts.authType);
  argv.push('-E', ...args);
  return { argv, env: { ...process.env, ...opts.env, IPMI_PASSWORD: user.password } };
}

/** `ipmitool -I lanplus -C 3 -H 127.0.0.1 -p <port> -U <user> -L <priv> -E <args>`. */
export function ipmitool(bmc: ToolTarget, args: string[], opts: IpmitoolOptions = {}): Promise<ToolResult> {
  const { argv, env } = ipmitoolCommand(bmc, args, opts);
  return run('ipmitool', argv, env, opts.timeoutMs ?? 30_000, opts.input);
}

/** `ipmitool raw <bytes>` as an independent reader and writer: the completion code ipmitool reports
 *  (0 on success) and the reply bytes. Throws only when ipmitool failed without a completion code. */
export async function ipmitoolRaw(
  bmc: ToolTarget,
  bytes: readonly number[],
  opts: IpmitoolOptions = {},
): Promise<{ cc: number; data: number[] }> {
  const r = await ipmitool(bmc, ['raw', ...bytes.map((b) => '0x' + b.toString(16).padStart(2, '0'))], opts);
  const cc = /rsp=0x([0-9a-f]{2})/.exec(r.stderr);
  if (r.code !== 0 && !cc) throw new Error(`ipmitool failed: ${r.stderr}`);
  return {
    cc: cc ? parseInt(cc[1]!, 16) : 0,
    data: r.stdout
      .split(/\s+/)
      .filter(Boolean)
      .map((h) => parseInt(h, 16)),
  };
}

export interface InteractiveTool {
  /** Everything printed on stdout so far. */
  stdout(): string;
  /** Resolves with stdout once it matches, rejects after timeoutMs (message includes stdout/stderr). */
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  write(data: string | Buffer): void;
  /** Resolves when the tool exits (kills it after timeoutMs). */
  exited(timeoutMs?: number): Promise<ToolResult>;
  kill(): void;
}

/**
 * ipmitool with stdin kept open, for commands that converse (`sol activate`, `shell`). ipmitool leaves
 * a SOL session as soon as stdin reaches EOF, so the batch runner cannot drive one.
 */
export function ipmitoolInteractive(
  bmc: ToolTarget,
  args: string[],
  opts: IpmitoolOptions = {},
): InteractiveTool {
  const { argv, env } = ipmitoolCommand(bmc, args, opts);
  // ipmitool's stdout is fully buffered on a pipe, which would hold back the SOL banner and echoes.
  const child = spawn('stdbuf', ['-o0', 'ipmitool', ...argv], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    for (const l of listeners) l();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  child.stdin.on('error', () => {});
  const exit = new Promise<ToolResult>((resolve) =>
    child.on('close', (code) => resolve({ stdout: out, stderr: err, code: code ?? 128 })),
  );
  const matches = (p: string | RegExp) => (typeof p === 'string' ? out.includes(p) : p.test(out));
  return {
    stdout: () => out,
    waitFor(pattern, timeoutMs = 10_000) {
      if (matches(pattern)) return Promise.resolve(out);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!matches(pattern)) return;
          cleanup();
          resolve(out);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`ipmitool output never matched ${String(pattern)}\nstdout: ${out}\nstderr: ${err}`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
      });
    },
    write: (data) => void child.stdin.write(data),
    async exited(timeoutMs = 10_000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exit;
      } finally {
        clearTimeout(timer);
      }
    },
    kill: () => void child.kill('SIGKILL'),
  };
}

export interface FreeipmiOptions extends ToolOptions {
  /** Default LAN_2_0. */
  driver?: 'LAN_2_0' | 'LAN';
  cipher?: number;
  /** Default `opensesspriv`: ipmi_sim hashes RAKP with the Open Session privilege (notes §2.8). */
  workarounds?: string;
}

/**
 * Runs a FreeIPMI tool (ipmi-sensors, ipmi-sel, ipmi-fru, ipmi-chassis, bmc-info, ipmi-raw, ...).
 * Each call gets a throw-away SDR cache, so lab instances on reused ports never see a stale cache.
 */
export async function freeipmi(
  tool: string,
  bmc: ToolTarget,
  args: string[],
  opts: FreeipmiOptions = {},
): Promise<ToolResult> {
  const user = opts.user ?? LAB_USERS.admin;
  const home = await mkdtemp(join(tmpdir(), 'bmclab-freeipmi-'));
  try {
    const conf = join(home, 'freeipmi.conf');
    const lines = [
      `driver-type ${opts.driver ?? 'LAN_2_0'}`,
      `username ${user.name}`,
      `password ${user.password}`,
      `privilege-level ${FREEIPMI_PRIV[opts.privilege ?? user.privilege]}`,
    ];
    if ((opts.driver ?? 'LAN_2_0') === 'LAN_2_0') {
      lines.push(
        `cipher-suite-id ${opts.cipher ?? 3}`,
        `workaround-flags ${opts.workarounds ?? 'opensesspriv'}`,
      );
    }

    await writeFile(conf, lines.join('\n') + '\n', { mode: 0o600 });
    const argv = ['--config-file', conf, '-h', `${bmc.host ?? '127.0.0.1'}:${bmc.port}`];
    // FreeIPMI finds its SDR cache through getpwuid(), not HOME, and the config file cannot move it.
    if (SDR_TOOLS.has(tool)) {
      await mkdir(join(home, 'sdr-cache'), { mode: 0o700 });
      argv.push(`--sdr-cache-directory=${join(home, 'sdr-cache')}`, '--quiet-cache');
    }
    argv.push(...args);
    return await run(tool, argv, { ...process.env, ...opts.env }, opts.timeoutMs ?? 30_000, opts.input);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
