// Bench section `users` (BENCH_SECTIONS=users): users.list as the app runs it (readUsersView on an
// already open session: Get User Access for user 1, then every other request in flight at once within the
// session's window) against the same list read one request at a time on the same session, and against
// `ipmitool user list 1` (a new process and session per run), all in the same run on one lab BMC behind
// a lossless counting proxy, so datagrams are what crossed the wire. Twice: loopback as is, and with 1 ms
// added each way (a LAN-like 2 ms round trip), where keeping requests in flight pays. On bare loopback
// the counting proxy shares this process's event loop with the client, and with 16 requests in flight it
// is the proxy's forwarding that the first table mostly times (without the proxy, pipelined and one at a
// time are within a few ms of each other there: ipmi_sim answers in ~0.1 ms). Quote ratios, not
// absolute ms: the machine is shared.
import { spawn } from 'node:child_process';
import { connect } from '../../electron/ipmi/client/connect';
import { UdpEndpoint } from '../../electron/ipmi/transport/udp-endpoint';
import { getUserAccess } from '../../electron/ipmi/commands/app/get-user-access';
import { getUserName } from '../../electron/ipmi/commands/app/get-user-name';
import { readUsersView } from '../../electron/views/user';
import { LAB_USERS, startLabBmc } from '../lab/bmc-lab';
import { startImpairmentProxy, type ImpairmentProxy } from '../lab/impairment-proxy';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHANNEL = 1;
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

async function measure(proxy: ImpairmentProxy, f: () => Promise<boolean>): Promise<Sample> {
  const s0 = proxy.stats.toBmc;
  const r0 = proxy.stats.fromBmc;
  const t0 = performance.now();
  const ok = await f();
  const ms = performance.now() - t0;
  await new Promise((res) => setTimeout(res, 20)); // stragglers (close-session replies)
  return { ms, ok, sent: proxy.stats.toBmc - s0, received: proxy.stats.fromBmc - r0 };
}

function ipmitoolUserList(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn(
      'ipmitool',
      ['-I', 'lanplus', '-C', '3', '-H', '127.0.0.1', '-p', String(port), '-U', admin.name, '-E'].concat([
        'user',
        'list',
        String(CHANNEL),
      ]),
      { env: { ...process.env, IPMI_PASSWORD: admin.password }, stdio: ['ignore', 'ignore', 'ignore'] },
    );
    p.on('close', (code) => resolve(code === 0));
  });
}

export async function appUsersBench(): Promise<void> {
  const lab = await startLabBmc({ satellite: false });
  try {
    for (const delayMs of [0, 1]) await table(lab.port, delayMs);
  } finally {
    await lab.stop();
  }
}

async function table(bmcPort: number, delayMs: number): Promise<void> {
  const proxy = await startImpairmentProxy(
    { host: '127.0.0.1', port: bmcPort },
    { drop: 0, reorder: 0, delayMs },
  );
  const endpoint = new UdpEndpoint();
  const rows: { op: string; samples: Sample[] }[] = [];
  let users = 0;
  try {
    const session = await connect({
      host: '127.0.0.1',
      port: proxy.port,
      username: admin.name,
      password: admin.password,
      cipherSuite: 3,
      endpoint,
    });
    const repeat = async (f: () => Promise<boolean>) => {
      const out: Sample[] = [];
      for (let i = 0; i < RUNS; i++) out.push(await measure(proxy, f));
      return out;
    };
    rows.push({
      op: 'users.list (app, pipelined)',
      samples: await repeat(async () => {
        users = (await readUsersView(session, CHANNEL)).users.length;
        return true;
      }),
    });
    rows.push({
      op: 'users.list, one request at a time',
      samples: await repeat(async () => {
        const max = (await getUserAccess(session, CHANNEL, 1)).maxUserIds;
        for (let id = 1; id <= max; id++) {
          if (id > 1) await getUserAccess(session, CHANNEL, id);
          await getUserName(session, id).catch(() => '');
        }
        return true;
      }),
    });
    rows.push({
      op: 'ipmitool user list 1 (new session)',
      samples: await repeat(() => ipmitoolUserList(proxy.port)),
    });
    await session.close();
  } finally {
    endpoint.close();
    proxy.close();
  }
  const ref = median(rows[2]!.samples.map((s) => s.ms));
  const lines = [
    '',
    `users.list — ipmi_sim on 127.0.0.1${delayMs ? `, +${delayMs} ms each way` : ''}, ${users} user IDs on channel ${CHANNEL}, median of ${RUNS} runs, datagrams sent/received`,
    '',
    '| operation | datagrams | ms | ratio ipmitool/this |',
    '|---|---|---|---|',
  ];
  for (const r of rows) {
    const ms = median(r.samples.map((s) => s.ms));
    const dg = `${median(r.samples.map((s) => s.sent))}/${median(r.samples.map((s) => s.received))}`;
    const bad = r.samples.every((s) => s.ok) ? '' : ' (a run failed!)';
    lines.push(`| ${r.op} | ${dg} | ${ms.toFixed(1)} | ${(ref / ms).toFixed(1)}x${bad} |`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}
