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
import { startImpairmentProxy } from '../lab/impairment-proxy';
import { datagrams, failedNote, markdownTable, measure, medianMs, ratio, type Sample } from './bench-harness';
import { lossTable } from './loss-table';
import { appSelBench } from './app-sel';
import { benchAppSensors } from './app-sensors';
import { appFirewallBench } from './app-firewall';
import { appLanBench } from './app-lan';
import { appUsersBench } from './app-users';
import { rendererHostListBench } from './renderer-host-list';
import { rendererSensorsBench } from './renderer-sensors';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BMCDESK = join(ROOT, 'bin/bmcdesk');
const admin = LAB_USERS.admin;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** BENCH_SECTIONS=main,sel,sensors,firewall,lan,users,renderer,loss picks sections (comma-separated); default all */
const ALL_SECTIONS = ['main', 'sel', 'sensors', 'firewall', 'lan', 'users', 'renderer', 'loss'] as const;
const SECTIONS = new Set(process.env.BENCH_SECTIONS?.split(',').map((x) => x.trim()) ?? ALL_SECTIONS);
const LOSS_RUNS = Number(process.env.BENCH_LOSS_RUNS ?? 50);
const LOSS_REF_RUNS = Number(process.env.BENCH_LOSS_REF_RUNS ?? 3);

/** Runs a process to its end (its output drained, not kept); true if it exited 0. */
function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, {
      env: { ...process.env, IPMI_PASSWORD: admin.password, TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    p.stdout.resume();
    p.stderr.resume();
    p.on('close', (code) => resolve(code === 0));
  });
}

interface Row {
  op: string;
  ours: Sample[];
  /** the same command run in-process on an already open session, as the app runs it */
  inApp?: Sample[];
  theirs: Sample[];
  theirsLabel: string;
}

async function main(): Promise<void> {
  if (SECTIONS.has('main')) await mainTable();
  if (SECTIONS.has('sel')) await appSelBench({ runs: RUNS });
  if (SECTIONS.has('sensors')) await benchAppSensors(RUNS);
  if (SECTIONS.has('firewall')) process.stdout.write(`\n${await appFirewallBench(RUNS)}\n`);
  if (SECTIONS.has('lan')) await appLanBench();
  if (SECTIONS.has('users')) await appUsersBench();
  if (SECTIONS.has('renderer')) {
    process.stdout.write(await rendererHostListBench());
    process.stdout.write(await rendererSensorsBench(RUNS));
  }
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
  const repeat = async (n: number, f: () => Promise<boolean | void>) => {
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
      warm.push(await measure(proxy, async () => void (await session.request({ netFn: 0x00, cmd: 0x01 }))));
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
      const code = await runCli(['-H', '127.0.0.1', '-U', admin.name, '-E', ...args], {
        stdout: () => undefined,
        stderr: () => undefined,
        env: { IPMI_PASSWORD: admin.password, TZ: 'UTC', BMCDESK_SDR_CACHE_DIR: cache },
        session: app,
      });
      return code === 0;
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

  const cells = (x: Sample[] | undefined) => (x ? [datagrams(x), medianMs(x).toFixed(1)] : ['–', '–']);
  const lines = [
    `BMC Desk benchmark — ipmi_sim on 127.0.0.1, median of ${RUNS} runs (warm: per command), datagrams sent/received per operation`,
    '',
    'bmcdesk CLI = a new `bin/bmcdesk` process and session per command (Node start-up ≈ 80 ms included);',
    'bmcdesk app = the same command in-process on an already open session, as the desktop app runs it.',
    '',
    ...markdownTable(
      [
        'operation',
        'bmcdesk CLI datagrams',
        'CLI ms',
        'bmcdesk app datagrams',
        'app ms',
        'reference',
        'ref datagrams',
        'ref ms',
        'ratio ref/CLI',
        'ratio ref/app',
      ],
      rows.map((r) => [
        r.op,
        ...cells(r.ours),
        ...cells(r.inApp),
        r.theirsLabel,
        ...cells(r.theirs),
        ratio(medianMs(r.theirs), medianMs(r.ours)),
        (r.inApp ? ratio(medianMs(r.theirs), medianMs(r.inApp)) : '–') +
          failedNote([r.ours, r.theirs, r.inApp ?? []], 'command'),
      ]),
    ),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
