// Bench section `sensors` (BENCH_SECTIONS=sensors): the app path for sensors.list — the IPC dispatcher,
// the pooled session already open, the SDR cache service — cold (refresh: the SDR read from the BMC)
// and warm (one Get SDR Repository Info, then every reading and threshold in flight at once), against
// `ipmitool sensor list` in the same run (a process and a session per run; ipmitool has no SDR cache, so
// it walks the repository every time). Datagrams are counted by a lossless proxy in front of the lab
// BMC. The machine is shared: compare the ratios, not the absolute milliseconds.
import { spawn } from 'node:child_process';
import { connect } from '../../electron/ipmi/client/connect';
import { testApp } from '../../electron/ipc/test-app';
import type { Host } from '../../shared/domain/host';
import { LAB_USERS, startLabBmc } from '../lab/bmc-lab';
import { startImpairmentProxy, type ImpairmentProxy } from '../lab/impairment-proxy';

const admin = LAB_USERS.admin;

interface Sample {
  ms: number;
  sent: number;
  received: number;
  ok: boolean;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function sample(proxy: ImpairmentProxy, f: () => Promise<boolean>): Promise<Sample> {
  const s0 = proxy.stats.toBmc;
  const r0 = proxy.stats.fromBmc;
  const t0 = performance.now();
  const ok = await f();
  const ms = performance.now() - t0;
  await new Promise((res) => setTimeout(res, 20)); // let stragglers (close-session replies) arrive
  return { ms, ok, sent: proxy.stats.toBmc - s0, received: proxy.stats.fromBmc - r0 };
}

function ipmitoolSensorList(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn(
      'ipmitool',
      [
        '-I',
        'lanplus',
        '-C',
        '3',
        '-H',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        admin.name,
        '-E',
        'sensor',
        'list',
      ],
      { env: { ...process.env, IPMI_PASSWORD: admin.password }, stdio: ['ignore', 'ignore', 'ignore'] },
    );
    p.on('close', (code) => resolve(code === 0));
  });
}

/** Prints the sensors.list rows; `runs` samples per row. */
export async function benchAppSensors(runs: number): Promise<void> {
  const lab = await startLabBmc({ satellite: false });
  const proxy = await startImpairmentProxy({ host: '127.0.0.1', port: lab.port }, { drop: 0, reorder: 0 });
  const host: Host = {
    id: 'h0benchsens',
    name: 'lab',
    address: '127.0.0.1',
    port: proxy.port,
    username: admin.name,
    interface: 'lanplus',
    cipherSuite: 3,
    privilege: 'administrator',
    groups: [],
    notes: '',
  };
  const app = await testApp({ hosts: [host], passwords: { [host.id]: admin.password }, connect });
  let op = 0;
  const list = (refresh: boolean) => async () => {
    const r = await app.dispatch('sensors.list', {
      hostId: host.id,
      operationId: `op-bench-sens-${++op}`,
      refresh,
    });
    return r.ok && (r.value as { sdrSource: string }).sdrSource === (refresh ? 'bmc' : 'cache');
  };
  const rows: { op: string; ours: Sample[]; theirs: Sample[] }[] = [];
  try {
    await app.services.pool.use(host.id, async () => undefined); // log in once, as an open host page has
    const theirs: Sample[] = [];
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    // interleaved, so a change in the shared machine's load hits all three alike
    for (let i = 0; i < runs; i++) {
      theirs.push(await sample(proxy, () => ipmitoolSensorList(proxy.port)));
      cold.push(await sample(proxy, list(true)));
      warm.push(await sample(proxy, list(false)));
    }
    rows.push({ op: 'sensors.list, cold SDR (refresh)', ours: cold, theirs });
    rows.push({ op: 'sensors.list, warm SDR cache', ours: warm, theirs });
  } finally {
    await app.shutdown();
    proxy.close();
    await lab.stop();
  }
  const fmt = (xs: Sample[]) => ({
    dg: `${median(xs.map((s) => s.sent))}/${median(xs.map((s) => s.received))}`,
    ms: median(xs.map((s) => s.ms)),
    ok: xs.every((s) => s.ok),
  });
  const lines = [
    '',
    `App path: sensors.list through the IPC dispatcher on an open pooled session, median of ${runs} runs, datagrams sent/received`,
    '(shared machine: quote the ratio, not the milliseconds)',
    '',
    '| operation | app datagrams | app ms | reference | ref datagrams | ref ms | ratio ref/app |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const a = fmt(r.ours);
    const b = fmt(r.theirs);
    const bad = a.ok && b.ok ? '' : ' (a run failed!)';
    lines.push(
      `| ${r.op} | ${a.dg} | ${a.ms.toFixed(1)} | ipmitool -C 3 sensor list | ${b.dg} | ${b.ms.toFixed(1)} | ${(b.ms / a.ms).toFixed(1)}x${bad} |`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}
