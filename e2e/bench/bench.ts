// `npm run bench`: bmcdesk and ipmitool side by side against the same lab BMC (ipmi_sim on 127.0.0.1),
// in the same run. Every command goes through a lossless counting proxy, so "round trips" are
// datagrams seen on the wire (sent/received, retries included) for both tools alike.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, type IpmiSession } from '../../electron/ipmi/client/connect';
import { runCli } from '../../electron/cli/run';
import { UdpEndpoint } from '../../electron/ipmi/transport/udp-endpoint';
import { LAB_USERS, startLabBmc } from '../lab/bmc-lab';
import { startImpairmentProxy, type ImpairmentProxy } from '../lab/impairment-proxy';
import { lossTable } from './loss-table';
import { appSelBench } from './app-sel';
import { benchAppSensors } from './app-sensors';
import { appFirewallBench } from './app-firewall';
import { appLanBench } from './app-lan';
import { appUsersBench } from './app-users';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BMCDESK = join(ROOT, 'bin/bmcdesk');
const admin = LAB_USERS.admin;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** BENCH_SECTIONS=main,sel,sensors,firewall,lan,users,loss picks sections (comma-separated); default all */
const ALL_SECTIONS = ['main', 'sel', 'sensors', 'firewall', 'lan', 'users', 'loss'] as const;
const SECTIONS = new Set(process.env.BENCH_SECTIONS?.split(',').map((x) => x.trim()) ?? ALL_SECTIONS);
const LOSS_RUNS = Number(process.env.BENCH_LOSS_RUNS ?? 50);
const LOSS_REF_RUNS = Number(process.env.BENCH_LOSS_REF_RUNS ?? 3);

interface Sample {
  ms: number;
  sent: number;
  received: number;
  code: number;
}

function run(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; ms: number; out: string }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const p = spawn(cmd, args, {
      env: { ...process.env, IPMI_PASSWORD: admin.password, TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (code) => resolve({ code: code ?? 1, ms: performance.now() - t0, out }));
  });
}

async function measure(
  proxy: ImpairmentProxy,
  f: () => Promise<{ code: number; ms: number }>,
): Promise<Sample> {
  const s0 = proxy.stats.toBmc;
  const r0 = proxy.stats.fromBmc;
  const r = await f();
  await new Promise((res) => setTimeout(res, 20)); // let stragglers (close-session replies) arrive
  return { ms: r.ms, code: r.code, sent: proxy.stats.toBmc - s0, received: proxy.stats.fromBmc - r0 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Row {
  op: string;
  ours: Sample[];
  /** the same command run in-process on an already open session, as the app runs it */
  inApp?: Sample[];
  theirs: Sample[];
  theirsLabel: string;
}

function fmt(samples: Sample[]): { rt: string; ms: number; ok: boolean } {
  const ms = median(samples.map((s) => s.ms));
  const sent = median(samples.map((s) => s.sent));
  const received = median(samples.map((s) => s.received));
  return { rt: `${sent}/${received}`, ms, ok: samples.every((s) => s.code === 0) };
}

async function main(): Promise<void> {
  if (SECTIONS.has('main')) await mainTable();
  if (SECTIONS.has('sel')) await appSelBench({ runs: RUNS });
  if (SECTIONS.has('sensors')) await benchAppSensors(RUNS);
  if (SECTIONS.has('firewall')) process.stdout.write(`\n${await appFirewallBench(RUNS)}\n`);
  if (SECTIONS.has('lan')) await appLanBench();
  if (SECTIONS.has('users')) await appUsersBench();
  if (SECTIONS.has('loss')) {
    const lab = await startLabBmc();
    try {
      const table = await lossTable(lab, {
        bmcdesk: BMCDESK,
        user: admin,
        runs: LOSS_RUNS,
        refRuns: LOSS_REF_RUNS,
        ...(process.env.BENCH_LOSSES && { losses: process.env.BENCH_LOSSES.split(',').map(Number) }),
      });
      process.stdout.write('\n' + table);
    } finally {
      await lab.stop();
    }
  }
}

async function mainTable(): Promise<void> {
  const lab = await startLabBmc();
  const proxy = await startImpairmentProxy({ host: '127.0.0.1', port: lab.port }, { drop: 0, reorder: 0 });
  const cache = mkdtempSync(join(tmpdir(), 'bmcdesk-bench-'));
  const conn = ['-H', '127.0.0.1', '-p', String(proxy.port), '-U', admin.name, '-E'];
  const ours =
    (args: string[], env: Record<string, string> = {}) =>
    () =>
      run(process.execPath, [BMCDESK, '-I', 'lanplus', ...conn, ...args], {
        BMCDESK_SDR_CACHE_DIR: cache,
        ...env,
      });
  const ipmitool =
    (args: string[], suite: string[] = ['-C', '3']) =>
    () =>
      run('ipmitool', ['-I', 'lanplus', ...suite, ...conn, ...args]);
  const rows: Row[] = [];
  const repeat = async (n: number, f: () => Promise<{ code: number; ms: number }>) => {
    const out: Sample[] = [];
    for (let i = 0; i < n; i++) out.push(await measure(proxy, f));
    return out;
  };

  try {
    // Cold: a new process and a new session per command, as a script would run them.
    rows.push({
      op: 'power status, cold (new session)',
      ours: await repeat(RUNS, ours(['power', 'status'])),
      theirs: await repeat(RUNS, ipmitool(['power', 'status'])),
      theirsLabel: 'ipmitool -C 3',
    });
    // ipmitool without -C asks for the cipher suites before any session; ipmi_sim never answers that,
    // so ipmitool waits out its retries — the multi-second fallback BMC Desk avoids.
    rows.push({
      op: 'power status, cold, default suite',
      ours: rows[0]!.ours,
      theirs: await repeat(1, ipmitool(['power', 'status'], [])),
      theirsLabel: 'ipmitool (no -C)',
    });

    // Warm: 100 commands on one open session (the app's session pool) vs 100 ipmitool invocations.
    const endpoint = new UdpEndpoint();
    const session = await connect({
      host: '127.0.0.1',
      port: proxy.port,
      username: admin.name,
      password: admin.password,
      endpoint,
    });
    const warm: Sample[] = [];
    for (let i = 0; i < 100; i++)
      warm.push(
        await measure(proxy, async () => {
          const t0 = performance.now();
          await session.request({ netFn: 0x00, cmd: 0x01 });
          return { code: 0, ms: performance.now() - t0 };
        }),
      );
    await session.close();
    endpoint.close();
    rows.push({
      op: 'power status, warm (open session) ×100',
      ours: warm,
      inApp: warm,
      theirs: await repeat(100, ipmitool(['power', 'status'])),
      theirsLabel: 'ipmitool -C 3, 100 runs',
    });

    // Command families (issue 4): process vs process, each a new session.
    rmSync(cache, { recursive: true, force: true });
    const coldSensor = await repeat(1, ours(['sensor', 'list']));
    const warmSensor = await repeat(RUNS, ours(['sensor', 'list']));
    const theirSensor = await repeat(RUNS, ipmitool(['sensor', 'list']));
    rows.push({
      op: 'sensor list, cold SDR cache',
      ours: coldSensor,
      theirs: theirSensor,
      theirsLabel: 'ipmitool -C 3',
    });
    rows.push({
      op: 'sensor list, warm SDR cache',
      ours: warmSensor,
      theirs: theirSensor,
      theirsLabel: 'ipmitool -C 3',
    });
    const appEndpoint = new UdpEndpoint();
    const app = await connect({
      host: '127.0.0.1',
      port: proxy.port,
      username: admin.name,
      password: admin.password,
      endpoint: appEndpoint,
    });
    const inApp = (args: string[]) => async () => {
      const t0 = performance.now();
      const code = await runCli(['-H', '127.0.0.1', '-U', admin.name, '-E', ...args], {
        stdout: () => undefined,
        stderr: () => undefined,
        env: { IPMI_PASSWORD: admin.password, TZ: 'UTC', BMCDESK_SDR_CACHE_DIR: cache },
        session: app,
      });
      return { code, ms: performance.now() - t0 };
    };
    rmSync(cache, { recursive: true, force: true });
    rows[3]!.inApp = await repeat(1, inApp(['sensor', 'list']));
    rows[4]!.inApp = await repeat(RUNS, inApp(['sensor', 'list']));
    for (const args of [
      ['sdr', 'elist'],
      ['sel', 'elist'],
      ['fru', 'print'],
      ['lan', 'print', '1'],
    ]) {
      rows.push({
        op: args.join(' '),
        ours: await repeat(RUNS, ours(args)),
        inApp: await repeat(RUNS, inApp(args)),
        theirs: await repeat(RUNS, ipmitool(args)),
        theirsLabel: 'ipmitool -C 3',
      });
    }
    await (app as IpmiSession).close();
    appEndpoint.close();
  } finally {
    proxy.close();
    await lab.stop();
    rmSync(cache, { recursive: true, force: true });
  }

  const lines = [
    `BMC Desk benchmark — ipmi_sim on 127.0.0.1, median of ${RUNS} runs (warm: per command), datagrams sent/received per operation`,
    '',
    'bmcdesk CLI = a new `bin/bmcdesk` process and session per command (Node start-up ≈ 80 ms included);',
    'bmcdesk app = the same command in-process on an already open session, as the desktop app runs it.',
    '',
    '| operation | bmcdesk CLI datagrams | CLI ms | bmcdesk app datagrams | app ms | reference | ref datagrams | ref ms | ratio ref/CLI | ratio ref/app |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const a = fmt(r.ours);
    const b = fmt(r.theirs);
    const c = r.inApp ? fmt(r.inApp) : undefined;
    const bad = !a.ok || !b.ok || (c && !c.ok) ? ' (a command failed!)' : '';
    lines.push(
      `| ${r.op} | ${a.rt} | ${a.ms.toFixed(1)} | ${c ? c.rt : '–'} | ${c ? c.ms.toFixed(1) : '–'} | ${r.theirsLabel} | ${b.rt} | ${b.ms.toFixed(1)} | ${(b.ms / a.ms).toFixed(1)}x | ${c ? (b.ms / c.ms).toFixed(1) + 'x' : '–'}${bad} |`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
