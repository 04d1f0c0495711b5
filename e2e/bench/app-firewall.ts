// `BENCH_SECTIONS=firewall`: the app's firewall.read (IPC dispatch → pooled session → the layout-learning
// reader → the view) against ipmitool reading the same rules with `raw 0x32 0x77 …` (count, every entry,
// is-block-all) in one `ipmitool exec` session, in the same run, against the pyghmi AMI firewall BMC
// (e2e/lab/ami-firewall-bmc.py, layout v1) seeded with RULES rules by ipmitool. Every datagram goes
// through a lossless counting proxy. The proxy forwards one client at a time and pyghmi keeps one session
// per source port, so the app's session is closed before ipmitool runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAmiFirewallBmc } from '../lab/ami-firewall-bmc';
import { ipmitool } from '../lab/ipmi-tools';
import type { FirewallView } from '../../shared/domain/firewall';
import {
  admin,
  appVsRefTable,
  BENCH_HOST_ID,
  benchApp,
  measure,
  repeat,
  withCountingProxy,
  type Sample,
} from './bench-harness';

const RULES = 8;

const hex = (b: number) => '0x' + b.toString(16).padStart(2, '0');

/** The section's table (markdown), app path vs ipmitool, medians of `runs` runs. */
export async function appFirewallBench(runs: number): Promise<string> {
  const bmc = await startAmiFirewallBmc({ layout: 'v1' });
  const dir = mkdtempSync(join(tmpdir(), 'bmcdesk-bench-fw-'));
  try {
    // RULES ACCEPT rules 10.0.0.1…, written by ipmitool straight to the BMC (Set param 0)
    for (let i = 1; i <= RULES; i++) {
      const r = await ipmitool(bmc, ['raw', '0x32', '0x76', '0x00', '0x01', '10', '0', '0', String(i)], {
        user: admin,
      });
      if (r.code !== 0) throw new Error(`seeding rule ${i}: ${r.stderr}`);
    }
    return await withCountingProxy(bmc.port, async (p) => {
      const app = await benchApp(p, 3000);
      const read = async () => {
        const r = await app.dispatch('firewall.read', { hostId: BENCH_HOST_ID });
        const view = r.ok ? (r.value as FirewallView) : undefined;
        return view?.layout === 'known' && view.rules.length === RULES;
      };
      let warm: Sample[];
      const cold: Sample[] = [];
      try {
        if (!(await read())) throw new Error('firewall.read did not decode the seeded rules'); // learns the layout
        warm = await repeat(p, runs, read);
        for (let i = 0; i < runs; i++) {
          await app.services.pool.close(BENCH_HOST_ID);
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
      const theirs = await repeat(p, runs, async () => {
        const r = await ipmitool({ port: p.port }, ['exec', batch], { user: admin });
        return r.code === 0 && r.stdout.trim().split('\n').length === gets.length;
      });

      return [
        `firewall.read — pyghmi AMI firewall BMC (layout v1, ${RULES} rules) on 127.0.0.1, median of ${runs} runs`,
        'app = firewall.read through the IPC dispatcher; ipmitool = `ipmitool -C 3 exec` of the same raw Gets',
        '(login, Gets and Close Session per run; the cold row: login and Gets, the previous Close not counted).',
        'The machine is shared: compare ratios, not absolute ms.',
        '',
        ...appVsRefTable(
          [
            { op: 'firewall.read, warm (open session)', app: warm, ref: theirs },
            { op: 'firewall.read, cold (login included)', app: cold, ref: theirs },
          ],
          { refName: 'ipmitool', failed: 'read' },
        ),
      ].join('\n');
    });
  } finally {
    await bmc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
