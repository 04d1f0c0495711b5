// Bench section `lan` (BENCH_SECTIONS=lan): the app path of `lan.get` — readLanView on an already open
// session, as the app's pool holds it — against `ipmitool lan print 1` on the same BMC in the same run,
// and the same 21 parameters asked one after another (how readLanConfiguration worked before it was
// pipelined), on the ipmi_sim lab BMC and on the pyghmi LAN BMC. Every datagram goes through a lossless
// counting proxy.
import { spawn } from 'node:child_process';
import { connect } from '../../electron/ipmi/client/connect';
import { getLanParam, LAN_PARAMS } from '../../electron/ipmi/commands/transport/lan-config';
import { UdpEndpoint } from '../../electron/ipmi/transport/udp-endpoint';
import { readLanView } from '../../electron/views/lan';
import { LAB_USERS, startLabBmc } from '../lab/bmc-lab';
import { startImpairmentProxy, type ImpairmentProxy } from '../lab/impairment-proxy';
import { startPyghmiPeer } from '../lab/pyghmi-peer';

/** LAN parameters ipmi_sim gets from e2e/lab/hooks/lan-control.sh */
const HOOK_PARAMS: ReadonlySet<string> = new Set<keyof typeof LAN_PARAMS>([
  'ipAddress',
  'ipAddressSource',
  'macAddress',
  'subnetMask',
  'defaultGatewayIp',
  'defaultGatewayMac',
  'backupGatewayIp',
  'backupGatewayMac',
]);

interface Sample {
  ms: number;
  sent: number;
  received: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function sample(proxy: ImpairmentProxy, f: () => Promise<void>): Promise<Sample> {
  const s0 = proxy.stats.toBmc;
  const r0 = proxy.stats.fromBmc;
  const t0 = performance.now();
  await f();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 20)); // stragglers (close-session replies) are counted too
  return { ms, sent: proxy.stats.toBmc - s0, received: proxy.stats.fromBmc - r0 };
}

function ipmitool(port: number, args: string[]): Promise<void> {
  const admin = LAB_USERS.admin;
  return new Promise((resolve, reject) => {
    const p = spawn(
      'ipmitool',
      ['-I', 'lanplus', '-C', '3', '-H', '127.0.0.1', '-p', String(port), '-U', admin.name, '-E', ...args],
      { env: { ...process.env, IPMI_PASSWORD: admin.password }, stdio: 'ignore' },
    );
    p.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ipmitool ${args.join(' ')}: ${code}`)),
    );
  });
}

type Row = { op: string; s: Sample[] };

/** The rows for one BMC at 127.0.0.1:port; `hookParams` are the ones it answers through a script. */
async function rowsFor(port: number, runs: number, hookParams: ReadonlySet<string>): Promise<Row[]> {
  const proxy = await startImpairmentProxy({ host: '127.0.0.1', port }, { drop: 0, reorder: 0 });
  const endpoint = new UdpEndpoint();
  const rows: Row[] = [];
  try {
    const session = await connect({
      host: '127.0.0.1',
      port: proxy.port,
      username: LAB_USERS.admin.name,
      password: LAB_USERS.admin.password,
      cipherSuite: 3,
      endpoint,
    });
    const repeat = async (f: () => Promise<void>) => {
      const out: Sample[] = [];
      for (let i = 0; i < runs; i++) out.push(await sample(proxy, f));
      return out;
    };
    const names = Object.keys(LAN_PARAMS) as (keyof typeof LAN_PARAMS)[];
    const oneByOne = (list: readonly (keyof typeof LAN_PARAMS)[]) => async () => {
      for (const n of list) await getLanParam(session, 1, LAN_PARAMS[n].id);
    };
    await readLanView(session, { channel: 1 }); // warm-up: first use of the code paths
    rows.push({
      op: 'lan.get (app, open session, pipelined)',
      s: await repeat(async () => void (await readLanView(session, { channel: 1 }))),
    });
    rows.push({
      op: `same ${names.length} parameters one at a time (before)`,
      s: await repeat(oneByOne(names)),
    });
    if (hookParams.size > 0) {
      // ipmi_sim answers these by running its lan_config_program (a shell script, one popen per Get,
      // one at a time): they set the floor of a full read on the lab. The others show what pipelining
      // does when the BMC is not the bottleneck.
      const own = names.filter((n) => !hookParams.has(n));
      rows.push({
        op: `the ${own.length} parameters ipmi_sim answers itself, pipelined`,
        s: await repeat(
          async () => void (await Promise.all(own.map((n) => getLanParam(session, 1, LAN_PARAMS[n].id)))),
        ),
      });
      rows.push({ op: `the same ${own.length} one at a time`, s: await repeat(oneByOne(own)) });
      rows.push({
        op: `the ${hookParams.size} hook-backed parameters one at a time (the lab's floor)`,
        s: await repeat(oneByOne(names.filter((n) => hookParams.has(n)))),
      });
    }
    await session.close();
    rows.push({
      op: 'ipmitool -C 3 lan print 1 (new process)',
      s: await repeat(() => ipmitool(proxy.port, ['lan', 'print', '1'])),
    });
  } finally {
    endpoint.close();
    proxy.close();
  }
  return rows;
}

function table(title: string, rows: readonly Row[]): string[] {
  const ref = median(rows.find((r) => r.op.startsWith('ipmitool'))!.s.map((x) => x.ms));
  return [
    title,
    '',
    '| operation | datagrams | median ms | ratio ipmitool/this |',
    '|---|---|---|---|',
    ...rows.map((r) => {
      const ms = median(r.s.map((x) => x.ms));
      return `| ${r.op} | ${median(r.s.map((x) => x.sent))}/${median(r.s.map((x) => x.received))} | ${ms.toFixed(1)} | ${(ref / ms).toFixed(1)}x |`;
    }),
    '',
  ];
}

/** Prints the `lan.get` tables (markdown) for the ipmi_sim lab BMC and the pyghmi LAN BMC. */
export async function appLanBench(runs = Number(process.env.BENCH_RUNS ?? 7)): Promise<string> {
  const lab = await startLabBmc();
  let sim: Row[];
  try {
    sim = await rowsFor(lab.port, runs, HOOK_PARAMS);
  } finally {
    await lab.stop();
  }
  // a BMC that answers every parameter itself (e2e/lab/pyghmi-lan-bmc.py: Python, one request at a time)
  const peer = await startPyghmiPeer('pyghmi-lan-bmc.py');
  let py: Row[];
  try {
    py = await rowsFor(peer.port, runs, new Set());
  } finally {
    await peer.stop();
  }
  const note = `median of ${runs} runs; datagrams sent/received per operation (the machine is shared: compare ratios, not absolute ms)`;
  const text = [
    ...table(`lan.get — ipmi_sim lab BMC on 127.0.0.1, ${note}`, sim),
    ...table(`lan.get — pyghmi LAN BMC on 127.0.0.1 (no hook script), ${note}`, py),
  ].join('\n');
  process.stdout.write('\n' + text);
  return text;
}
