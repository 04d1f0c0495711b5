// Bench section `lan` (BENCH_SECTIONS=lan): the app path of `lan.get` — readLanView on an already open
// session, as the app's pool holds it — against `ipmitool lan print 1` on the same BMC in the same run,
// and the same 21 parameters asked one after another (how readLanConfiguration worked before it was
// pipelined), on the ipmi_sim lab BMC and on the pyghmi LAN BMC. Every datagram goes through a lossless
// counting proxy.
import { getLanParam, LAN_PARAMS } from '../../electron/ipmi/commands/transport/lan-config';
import { readLanView } from '../../electron/views/lan';
import { startLabBmc } from '../lab/bmc-lab';
import { startPyghmiPeer } from '../lab/pyghmi-peer';
import {
  ipmitoolOk,
  ratioToIpmitoolTable,
  repeat,
  withCountingProxy,
  withSession,
  type Sample,
} from './bench-harness';

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

type Row = { op: string; samples: Sample[] };

/** The rows for one BMC at 127.0.0.1:port; `hookParams` are the ones it answers through a script. */
function rowsFor(port: number, runs: number, hookParams: ReadonlySet<string>): Promise<Row[]> {
  return withCountingProxy(port, async (proxy) => {
    const rows: Row[] = [];
    const row = async (op: string, f: () => Promise<unknown>) =>
      void rows.push({ op, samples: await repeat(proxy, runs, async () => void (await f())) });
    await withSession(proxy, async (session) => {
      const names = Object.keys(LAN_PARAMS) as (keyof typeof LAN_PARAMS)[];
      const oneByOne = (list: readonly (keyof typeof LAN_PARAMS)[]) => async () => {
        for (const n of list) await getLanParam(session, 1, LAN_PARAMS[n].id);
      };
      await readLanView(session, { channel: 1 }); // warm-up: first use of the code paths
      await row('lan.get (app, open session, pipelined)', () => readLanView(session, { channel: 1 }));
      await row(`same ${names.length} parameters one at a time (before)`, oneByOne(names));
      if (hookParams.size > 0) {
        // ipmi_sim answers these by running its lan_config_program (a shell script, one popen per Get,
        // one at a time): they set the floor of a full read on the lab. The others show what pipelining
        // does when the BMC is not the bottleneck.
        const own = names.filter((n) => !hookParams.has(n));
        await row(`the ${own.length} parameters ipmi_sim answers itself, pipelined`, () =>
          Promise.all(own.map((n) => getLanParam(session, 1, LAN_PARAMS[n].id))),
        );
        await row(`the same ${own.length} one at a time`, oneByOne(own));
        await row(
          `the ${hookParams.size} hook-backed parameters one at a time (the lab's floor)`,
          oneByOne(names.filter((n) => hookParams.has(n))),
        );
      }
      await session.close();
    });
    // a failed ipmitool run fails the bench, as a failed Get does
    await row('ipmitool -C 3 lan print 1 (new process)', async () => {
      if (!(await ipmitoolOk(proxy, ['lan', 'print', '1']))) throw new Error('ipmitool lan print 1 failed');
    });
    return rows;
  });
}

function table(title: string, rows: readonly Row[]): string[] {
  const ref = rows.find((r) => r.op.startsWith('ipmitool'))!.samples;
  return [title, '', ...ratioToIpmitoolTable(rows, ref, 'median ms'), ''];
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
