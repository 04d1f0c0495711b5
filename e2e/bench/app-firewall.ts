// `BENCH_SECTIONS=firewall`: the app's firewall.read (IPC dispatch → pooled session → the layout-learning
// reader → the view) against ipmitool reading the same rules with `raw 0x32 0x77 …` (count, every entry,
// is-block-all) in one `ipmitool exec` session, in the same run, against the pyghmi AMI firewall BMC
// (e2e/lab/ami-firewall-bmc.py, layout v1) seeded with RULES rules by ipmitool. Every datagram goes
// through a lossless counting proxy. The proxy forwards one client at a time and pyghmi keeps one session
// per source port, so the app's session is closed before ipmitool runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type ConnectOptions } from '../../electron/ipmi/client/connect';
import { testApp } from '../../electron/ipc/test-app';
import { startAmiFirewallBmc } from '../lab/ami-firewall-bmc';
import { ipmitool } from '../lab/ipmi-tools';
import { LAB_USERS } from '../lab/lab-users';
import type { FirewallView } from '../../shared/domain/firewall';
import { startImpairmentProxy, type ImpairmentProxy } from '../lab/impairment-proxy';

const RULES = 8;
const HOST_ID = 'h0benchfirewall';

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
  await new Promise((res) => setTimeout(res, 20)); // let stragglers (close-session replies) arrive
  return { ms, ok, sent: proxy.stats.toBmc - s0, received: proxy.stats.fromBmc - r0 };
}

const hex = (b: number) => '0x' + b.toString(16).padStart(2, '0');

/** The section's table (markdown), app path vs ipmitool, medians of `runs` runs. */
export async function appFirewallBench(runs: number): Promise<string> {
  const bmc = await startAmiFirewallBmc({ layout: 'v1' });
  const admin = LAB_USERS.admin;
  const dir = mkdtempSync(join(tmpdir(), 'bmcdesk-bench-fw-'));
  let proxy: ImpairmentProxy | undefined;
  try {
    // RULES ACCEPT rules 10.0.0.1…, written by ipmitool straight to the BMC (Set param 0)
    for (let i = 1; i <= RULES; i++) {
      const r = await ipmitool(bmc, ['raw', '0x32', '0x76', '0x00', '0x01', '10', '0', '0', String(i)], {
        user: admin,
      });
      if (r.code !== 0) throw new Error(`seeding rule ${i}: ${r.stderr}`);
    }
    proxy = await startImpairmentProxy({ host: '127.0.0.1', port: bmc.port }, { drop: 0, reorder: 0 });
    const p = proxy;
    const app = await testApp({
      hosts: [
        {
          id: HOST_ID,
          name: 'ami-firewall',
          address: '127.0.0.1',
          port: p.port,
          username: admin.name,
          interface: 'lanplus',
          cipherSuite: 3,
          privilege: 'administrator',
          groups: [],
          notes: '',
        },
      ],
      passwords: { [HOST_ID]: admin.password },
      connect: (o: ConnectOptions) => connect({ ...o, timeoutMs: 3000 }),
    });
    const read = async () => {
      const r = await app.dispatch('firewall.read', { hostId: HOST_ID });
      const view = r.ok ? (r.value as FirewallView) : undefined;
      return view?.layout === 'known' && view.rules.length === RULES;
    };
    const warm: Sample[] = [];
    const cold: Sample[] = [];
    try {
      if (!(await read())) throw new Error('firewall.read did not decode the seeded rules'); // learns the layout
      for (let i = 0; i < runs; i++) warm.push(await measure(p, read));
      for (let i = 0; i < runs; i++) {
        await app.services.pool.close(HOST_ID);
        await new Promise((res) => setTimeout(res, 20));
        cold.push(await measure(p, read));
      }
    } finally {
      await app.shutdown();
    }

    // ipmitool: the same Gets the reader sends (count, entries, is-block-all) in one session
    const batch = join(dir, 'firewall.txt');
    const gets = [[0x00, 0x00], ...Array.from({ length: RULES }, (_, i) => [0x01, i]), [0x02, 0x00]];
    writeFileSync(batch, gets.map((g) => `raw 0x32 0x77 ${g.map(hex).join(' ')}\n`).join(''));
    const theirs: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      theirs.push(
        await measure(p, async () => {
          const r = await ipmitool({ host: '127.0.0.1', port: p.port }, ['exec', batch], { user: admin });
          return r.code === 0 && r.stdout.trim().split('\n').length === gets.length;
        }),
      );
    }

    const row = (op: string, s: Sample[], ref: Sample[]) => {
      const ms = median(s.map((x) => x.ms));
      const refMs = median(ref.map((x) => x.ms));
      const dg = (xs: Sample[]) => `${median(xs.map((x) => x.sent))}/${median(xs.map((x) => x.received))}`;
      const bad = [...s, ...ref].every((x) => x.ok) ? '' : ' (a read failed!)';
      return `| ${op} | ${dg(s)} | ${ms.toFixed(1)} | ${dg(ref)} | ${refMs.toFixed(1)} | ${(refMs / ms).toFixed(1)}x${bad} |`;
    };
    return [
      `firewall.read — pyghmi AMI firewall BMC (layout v1, ${RULES} rules) on 127.0.0.1, median of ${runs} runs`,
      'app = firewall.read through the IPC dispatcher; ipmitool = `ipmitool -C 3 exec` of the same raw Gets',
      '(login, Gets and Close Session per run; the cold row: login and Gets, the previous Close not counted).',
      'The machine is shared: compare ratios, not absolute ms.',
      '',
      '| operation | app datagrams | app ms | ipmitool datagrams | ipmitool ms | ratio ipmitool/app |',
      '|---|---|---|---|---|---|',
      row('firewall.read, warm (open session)', warm, theirs),
      row('firewall.read, cold (login included)', cold, theirs),
    ].join('\n');
  } finally {
    proxy?.close();
    await bmc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
