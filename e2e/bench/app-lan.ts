// Bench section `lan` (BENCH_SECTIONS=lan): the app path of `lan.get` — readLanView on an already open
// session, as the app's pool holds it — against `ipmitool lan print 1` on the same lab BMC in the same
// run, and the same 21 parameters asked one after another (how readLanConfiguration worked before it
// was pipelined) for the before/after. Every datagram goes through a lossless counting proxy.
import { spawn } from 'node:child_process';
import { connect } from '../../electron/ipmi/client/connect';
import { getLanParam, LAN_PARAMS } from '../../electron/ipmi/commands/transport/lan-config';
import { UdpEndpoint } from '../../electron/ipmi/transport/udp-endpoint';
import { readLanView } from '../../electron/views/lan';
import { LAB_USERS, startLabBmc } from '../lab/bmc-lab';
import { startImpairmentProxy, type ImpairmentProxy } from '../lab/impairment-proxy';

/** LAN parameters ipmi_sim gets from e2e/lab/hooks/lan-control.sh */
const HOOK_PARAMS: ReadonlySet<keyof typeof LAN_PARAMS> = new Set([
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

/** Prints the `lan.get` rows (markdown table) and returns them. */
export async function appLanBench(runs = Number(process.env.BENCH_RUNS ?? 7)): Promise<string> {
  const lab = await startLabBmc();
  const proxy = await startImpairmentProxy({ host: '127.0.0.1', port: lab.port }, { drop: 0, reorder: 0 });
  const endpoint = new UdpEndpoint();
  const rows: { op: string; s: Sample[] }[] = [];
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
    await readLanView(session, { channel: 1 }); // warm-up: first use of the code paths
    rows.push({
      op: 'lan.get (app, open session, pipelined)',
      s: await repeat(async () => void (await readLanView(session, { channel: 1 }))),
    });
    const names = Object.keys(LAN_PARAMS) as (keyof typeof LAN_PARAMS)[];
    rows.push({
      op: `same ${names.length} parameters one at a time (before)`,
      s: await repeat(async () => {
        for (const n of names) await getLanParam(session, 1, LAN_PARAMS[n].id);
      }),
    });
    // ipmi_sim answers 8 of the parameters by running its lan_config_program (a shell script, one
    // popen per Get, one at a time): those set the floor of a full read on the lab. The 13 it answers
    // itself show what pipelining does when the BMC is not the bottleneck.
    const own = names.filter((n) => !HOOK_PARAMS.has(n));
    rows.push({
      op: `the ${own.length} parameters ipmi_sim answers itself, pipelined`,
      s: await repeat(
        async () => void (await Promise.all(own.map((n) => getLanParam(session, 1, LAN_PARAMS[n].id)))),
      ),
    });
    rows.push({
      op: `the same ${own.length} one at a time`,
      s: await repeat(async () => {
        for (const n of own) await getLanParam(session, 1, LAN_PARAMS[n].id);
      }),
    });
    rows.push({
      op: `the ${HOOK_PARAMS.size} hook-backed parameters one at a time (the lab's floor)`,
      s: await repeat(async () => {
        for (const n of HOOK_PARAMS) await getLanParam(session, 1, LAN_PARAMS[n].id);
      }),
    });
    await session.close();
    rows.push({
      op: 'ipmitool -C 3 lan print 1 (new process)',
      s: await repeat(() => ipmitool(proxy.port, ['lan', 'print', '1'])),
    });
  } finally {
    endpoint.close();
    proxy.close();
    await lab.stop();
  }
  const ref = median(rows.find((r) => r.op.startsWith('ipmitool'))!.s.map((x) => x.ms));
  const lines = [
    `lan.get — ipmi_sim on 127.0.0.1, median of ${runs} runs; datagrams sent/received per operation (the machine is shared: compare ratios, not absolute ms)`,
    '',
    '| operation | datagrams | median ms | ratio ipmitool/this |',
    '|---|---|---|---|',
    ...rows.map((r) => {
      const ms = median(r.s.map((x) => x.ms));
      return `| ${r.op} | ${median(r.s.map((x) => x.sent))}/${median(r.s.map((x) => x.received))} | ${ms.toFixed(1)} | ${(ref / ms).toFixed(1)}x |`;
    }),
  ];
  const text = lines.join('\n') + '\n';
  process.stdout.write('\n' + text);
  return text;
}
