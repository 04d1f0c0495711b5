// The lab BMC: an OpenIPMI `ipmi_sim` on 127.0.0.1 dressed up as a server BMC (users at every privilege
// level, a full SDR repository with live readings, FRU, a seeded SEL, chassis power/boot and LAN settings
// through hook scripts, SOL to a TCP "serial port"). Each instance gets a free port and its own temp
// state directory, so several can run at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeUdpPort } from './free-port';
import { lanConf } from './lan-conf';
import { SEL_SEED } from './lab-sel';
import { writeBootEmu } from './lab-sdrs';
import { selFile, usersFile } from './lab-state';
import { ipmitool } from './ipmi-tools';
import { probeBmc } from './ready-probe';
import { startSolConsole, type SolEchoMode } from './sol-console';

export { LAB_USERS, LAB_USER_LIST, type LabUser, type LabPrivilege } from './lab-users';
export {
  ipmitool,
  ipmitoolInteractive,
  freeipmi,
  type ToolResult,
  type IpmitoolOptions,
  type FreeipmiOptions,
  type InteractiveTool,
} from './ipmi-tools';
export { LAB_GUID } from './lan-conf';
export { SEL_SEED, SEL_SEED_TIME } from './lab-sel';

const LAB_DIR = dirname(fileURLToPath(import.meta.url));
const CHASSIS_HOOK = join(LAB_DIR, 'hooks', 'chassis-control.sh');
const LAN_HOOK = join(LAB_DIR, 'hooks', 'lan-control.sh');

const START_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 3_000;
const PORT_ATTEMPTS = 5;

export interface LabBmc {
  /** 127.0.0.1 unless LabBmcOptions.address says otherwise. */
  host: string;
  port: number;
  stateDir: string;
  /** pid of the running ipmi_sim (changes on restart). */
  pid: number;
  /** SIGTERM, SIGKILL after a bound, waits for exit, removes the state dir. Idempotent. */
  stop(): Promise<void>;
  /** Kills and restarts ipmi_sim on the same port with the same state: a BMC reboot. */
  restart(): Promise<void>;
  /** What the hook scripts recorded: 'chassis', 'chassis.log', 'lan', 'lan.log'. '' if not written yet. */
  readHookFile(name: 'chassis' | 'lan' | string): string;
  /** The TCP "serial port" behind SOL. */
  solConsole: { port: number; received(): Buffer; send(data: Buffer | string): void };
}

export interface LabBmcOptions {
  /** Loopback address to bind (e.g. 127.0.1.7 for a fleet of BMCs); default 127.0.0.1. */
  address?: string;
  /** UDP port to try first (e.g. 623 on a fleet address); default a free port. */
  port?: number;
  /** Appended to lan.conf. */
  extraConfig?: string;
  /** How the SOL "host" answers what it receives; default 'upper'. */
  solEcho?: SolEchoMode;
  /** A satellite controller at IPMB 0x72 (lab-satellite.emu) for bridging tests (ipmitool -t); default
   *  true. It changes no output of the BMC itself (SDR, FRU, SEL, mc info, sensors are the same). */
  satellite?: boolean;
  /** Get Device ID manufacturer ID (IANA enterprise number), e.g. 10876 for a Supermicro BMC; default
   *  lab.emu's 0x1291. */
  manufacturerId?: number;
  /** Get Device ID product ID; default lab.emu's 0x0f02. */
  productId?: number;
}

// Kill leftovers if the test process dies without calling stop(): an orphaned ipmi_sim would keep its
// port and state dir forever.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_GRACE_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_GRACE_MS);
    }
  }
  running.delete(child);
}

/** Starts ipmi_sim and waits until it answers; rejects with its log if it exits or stays silent. */
async function launch(stateDir: string, port: number, address = '127.0.0.1'): Promise<ChildProcess> {
  const logFd = openSync(join(stateDir, 'ipmi_sim.log'), 'a');
  const child = spawn(
    'ipmi_sim',
    [
      '-c',
      join(stateDir, 'lan.conf'),
      '-f',
      join(stateDir, 'boot.emu'),
      '-s',
      join(stateDir, 'persist'),
      '-n',
    ],
    { cwd: stateDir, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  running.add(child);
  const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const r = await Promise.race([probeBmc(port, 200, address), exited]);
    if (r === true) {
      await setSelClock(port, address);
      return child;
    }
    if (r === 'exited') break;
  }
  await killProcess(child);
  const log = existsSync(join(stateDir, 'ipmi_sim.log'))
    ? readFileSync(join(stateDir, 'ipmi_sim.log'), 'utf8')
    : '';
  throw new Error(`ipmi_sim on ${address}:${port} did not come up:\n${log.slice(-2000)}`);
}

/** First boot only: the user table and SEL a freshly installed BMC would have. */
async function writeFactoryState(stateDir: string): Promise<void> {
  const persist = join(stateDir, 'persist', 'ipmi_sim', 'bmclab');
  await mkdir(persist, { recursive: true });
  await writeFile(join(persist, 'users.mc20'), usersFile(), { mode: 0o600 });
  await writeFile(join(persist, 'sel.20'), selFile(SEL_SEED));
}

/**
 * ipmi_sim's SEL clock starts at the host's uptime on every boot, so new events would look "Pre-Init".
 * A real BMC has an RTC (or gets the time from the host/NTP): set the SEL clock to wall-clock time.
 */
async function setSelClock(port: number, address: string): Promise<void> {
  const t = Buffer.alloc(4);
  t.writeUInt32LE(Math.floor(Date.now() / 1000));
  const bytes = Array.from(t, (b) => '0x' + b.toString(16).padStart(2, '0'));
  // Set SEL Time: NetFn Storage 0x0a, cmd 0x49, 4-byte little-endian seconds since 1970.
  const r = await ipmitool({ port, host: address }, ['raw', '0x0a', '0x49', ...bytes], {
    timeoutMs: 10_000,
  });
  if (r.code !== 0) throw new Error(`setting the SEL clock failed: ${r.stderr}`);
}

export async function startLabBmc(opts: LabBmcOptions = {}): Promise<LabBmc> {
  const stateDir = await mkdtemp(join(tmpdir(), 'bmclab-'));
  const hookDir = join(stateDir, 'hooks');
  await mkdir(hookDir);
  await writeFactoryState(stateDir);
  await writeBootEmu(LAB_DIR, stateDir, {
    satellite: opts.satellite !== false,
    ...(opts.manufacturerId !== undefined && { manufacturerId: opts.manufacturerId }),
    ...(opts.productId !== undefined && { productId: opts.productId }),
  });
  const sol = await startSolConsole(opts.solEcho ?? 'upper');

  const address = opts.address ?? '127.0.0.1';
  let child: ChildProcess | undefined;
  let port = 0;
  let lastError: unknown;
  try {
    for (let attempt = 0; attempt < PORT_ATTEMPTS && !child; attempt++) {
      port = attempt === 0 && opts.port ? opts.port : await freeUdpPort(address);
      const conf = lanConf({
        address,
        port,
        hookDir,
        chassisHook: CHASSIS_HOOK,
        lanHook: LAN_HOOK,
        solPort: sol.port,
        ...(opts.extraConfig !== undefined && { extraConfig: opts.extraConfig }),
      });
      await writeFile(join(stateDir, 'lan.conf'), conf);
      try {
        child = await launch(stateDir, port, address);
      } catch (e) {
        lastError = e; // most likely someone took the port between our probe and ipmi_sim's bind
      }
    }
  } catch (e) {
    lastError = e;
  }
  if (!child) {
    await sol.close();
    await rm(stateDir, { recursive: true, force: true });
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }

  let current: ChildProcess = child;
  let stopped: Promise<void> | undefined;
  const bmc: LabBmc = {
    host: address,
    port,
    stateDir,
    pid: current.pid ?? -1,
    stop() {
      stopped ??= (async () => {
        await killProcess(current);
        await sol.close();
        await rm(stateDir, { recursive: true, force: true });
      })();
      return stopped;
    },
    async restart() {
      if (stopped) throw new Error('lab BMC was stopped');
      await killProcess(current);
      current = await launch(stateDir, port, address);
      bmc.pid = current.pid ?? -1;
    },
    readHookFile(name) {
      if (name.includes('/') || name.includes('..')) throw new Error(`bad hook file name: ${name}`);
      const p = join(hookDir, name);
      return existsSync(p) ? readFileSync(p, 'utf8') : '';
    },
    solConsole: { port: sol.port, received: sol.received, send: sol.send },
  };
  return bmc;
}
