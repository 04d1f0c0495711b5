// Bench section `sel` (BENCH_SECTIONS=sel): the app's sel.list on an open pooled session, through the
// real IPC dispatcher, against ipmitool (a new process and session per run) on the same lab BMC in the
// same run. Both go through a lossless counting proxy, so datagrams are what each put on the wire.
// The SEL is the lab's 10 records; "with sensors" reads the SDR for names and units each time, as
// ipmitool's elist does (the app's SDR cache would make it one request).
import { spawn } from 'node:child_process';
import { connect, type ConnectOptions } from '../../electron/ipmi/client/connect';
import { testApp } from '../../electron/ipc/test-app';
import { LAB_USERS, startLabBmc } from '../lab/bmc-lab';
import { startImpairmentProxy, type ImpairmentProxy } from '../lab/impairment-proxy';
import type { Host } from '../../shared/domain/host';

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

async function measure(proxy: ImpairmentProxy, f: () => Promise<boolean>): Promise<Sample> {
  const s0 = proxy.stats.toBmc;
  const r0 = proxy.stats.fromBmc;
  const t0 = performance.now();
  const ok = await f();
  const ms = performance.now() - t0;
  await new Promise((res) => setTimeout(res, 20)); // stragglers (close-session replies) still count
  return { ms, ok, sent: proxy.stats.toBmc - s0, received: proxy.stats.fromBmc - r0 };
}

function ipmitool(port: number, args: string[]): Promise<boolean> {
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
        LAB_USERS.admin.name,
        '-E',
        ...args,
      ],
      { env: { ...process.env, IPMI_PASSWORD: LAB_USERS.admin.password, TZ: 'UTC' }, stdio: 'ignore' },
    );
    p.on('close', (code) => resolve(code === 0));
  });
}

/** Prints the sel.list rows (markdown) on stdout. */
export async function appSelBench(o: { runs: number }): Promise<void> {
  const lab = await startLabBmc({ satellite: false });
  const proxy = await startImpairmentProxy({ host: '127.0.0.1', port: lab.port }, { drop: 0, reorder: 0 });
  const hostId = 'h0benchsel01';
  const host: Host = {
    id: hostId,
    name: 'bench',
    address: '127.0.0.1',
    port: proxy.port,
    username: LAB_USERS.admin.name,
    interface: 'lanplus',
    cipherSuite: 3,
    privilege: 'administrator',
    groups: [],
    notes: '',
  };
  const app = await testApp({
    hosts: [host],
    passwords: { [hostId]: LAB_USERS.admin.password },
    connect: (c: ConnectOptions) => connect(c),
  });
  let op = 0;
  const list = (sensors: boolean) => async () => {
    const r = await app.dispatch('sel.list', { hostId, operationId: `op-bench-sel-${op++}`, sensors });
    return r.ok;
  };
  const repeat = async (f: () => Promise<boolean>) => {
    const out: Sample[] = [];
    for (let i = 0; i < o.runs; i++) out.push(await measure(proxy, f));
    return out;
  };
  const rows: { op: string; app: Sample[]; ref: Sample[]; refLabel: string }[] = [];
  try {
    await list(false)(); // opens the pooled session, as a host already being viewed has
    rows.push({
      op: 'sel.list (no sensor names)',
      app: await repeat(list(false)),
      ref: await repeat(() => ipmitool(proxy.port, ['sel', 'list'])),
      refLabel: 'ipmitool -C 3 sel list',
    });
    rows.push({
      op: 'sel.list (sensor names, SDR read)',
      app: await repeat(list(true)),
      ref: await repeat(() => ipmitool(proxy.port, ['sel', 'elist'])),
      refLabel: 'ipmitool -C 3 sel elist',
    });
  } finally {
    await app.shutdown();
    proxy.close();
    await lab.stop();
  }
  const cell = (s: Sample[]) => ({
    dg: `${median(s.map((x) => x.sent))}/${median(s.map((x) => x.received))}`,
    ms: median(s.map((x) => x.ms)),
    ok: s.every((x) => x.ok),
  });
  const lines = [
    `sel.list — app call on an open session vs ipmitool (new process and session), lab SEL of 10 records, median of ${o.runs} runs, datagrams sent/received`,
    '',
    '| operation | app datagrams | app ms | reference | ref datagrams | ref ms | ratio ref/app |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const a = cell(r.app);
    const b = cell(r.ref);
    const bad = a.ok && b.ok ? '' : ' (a run failed!)';
    lines.push(
      `| ${r.op} | ${a.dg} | ${a.ms.toFixed(1)} | ${r.refLabel} | ${b.dg} | ${b.ms.toFixed(1)} | ${(b.ms / a.ms).toFixed(1)}x${bad} |`,
    );
  }
  process.stdout.write('\n' + lines.join('\n') + '\n');
}
