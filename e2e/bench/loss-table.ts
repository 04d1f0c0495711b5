// The loss table of `npm run bench`: cold commands through the impairment proxy at 0, 1, 5 and 10 %
// loss in each direction with 1 ms delay each way, bmcdesk and ipmitool in the same run against the
// same lab BMC. Every bmcdesk run is a new process, a new session and (for sdr elist) an empty SDR
// cache; ipmitool keeps no SDR cache. Median and worst of N runs, failures (non-zero exit) counted.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startImpairmentProxy } from '../lab/impairment-proxy';
import type { LabBmc } from '../lab/bmc-lab';

export interface LossTableOptions {
  bmcdesk: string;
  user: { name: string; password: string };
  /** bmcdesk runs per cell (default 50) */
  runs: number;
  /** ipmitool runs per cell; it waits out a fixed timer per loss (≈ 38 s per sdr elist at 10 %) */
  refRuns: number;
  losses?: number[];
}

const ALL_OPS: { label: string; args: string[] }[] = [
  { label: 'power status', args: ['power', 'status'] },
  { label: 'sdr elist (cold cache)', args: ['sdr', 'elist'] },
  { label: 'sel elist', args: ['sel', 'elist'] },
];
/** BENCH_LOSS_OPS=sdr,sel picks operations by their first word */
const OPS = process.env.BENCH_LOSS_OPS
  ? ALL_OPS.filter((o) => process.env.BENCH_LOSS_OPS!.split(',').includes(o.args[0]!))
  : ALL_OPS;

interface Cell {
  ms: number[];
  failures: number;
}

/** The first line of each distinct failure's stderr, so a failed run says why, with a count. */
const failureLines = new Map<string, number>();

function timed(
  cmd: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ ok: boolean; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const p = spawn(cmd, args, {
      env: { ...process.env, TZ: 'UTC', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    p.on('close', (code) => {
      if (code !== 0) {
        // ports differ per run: keep the reason, not the address
        const why = `${cmd.endsWith('ipmitool') ? 'ipmitool' : 'bmcdesk'} ${args.slice(-2).join(' ')}: ${(err.split('\n').find((l) => l.trim()) ?? `exit ${code}`).replace(/port \d+/g, 'port N')}`;
        failureLines.set(why, (failureLines.get(why) ?? 0) + 1);
      }
      resolve({ ok: code === 0, ms: performance.now() - t0 });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const sec = (ms: number) => (Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`);
const show = (c: Cell) =>
  c.ms.length
    ? `${sec(median(c.ms))} | ${sec(Math.max(...c.ms))} | ${c.failures}/${c.ms.length}`
    : '– | – | not run';

export async function lossTable(lab: LabBmc, o: LossTableOptions): Promise<string> {
  const losses = o.losses ?? [0, 0.01, 0.05, 0.1];
  const lines = [
    `Loss table — ipmi_sim on 127.0.0.1 behind the impairment proxy (loss each way, 1 ms delay each way).`,
    `Cold: a new process and session per run; sdr elist with an empty SDR cache. bmcdesk ${o.runs} runs per cell,`,
    `ipmitool -C 3 ${o.refRuns} runs per cell (fewer: at 10 % loss one ipmitool sdr elist takes tens of seconds).`,
    `Columns: median | worst | failed/runs.`,
    '',
    '| loss | operation | bmcdesk median | bmcdesk worst | bmcdesk failed | ipmitool median | ipmitool worst | ipmitool failed |',
    '|---|---|---|---|---|---|---|---|',
  ];
  let seed = 1;
  for (const drop of losses) {
    for (const op of OPS) {
      const proxy = await startImpairmentProxy(
        { host: lab.host, port: lab.port },
        { drop, reorder: 0, delayMs: 1, seed: seed++ },
      );
      const conn = ['-H', '127.0.0.1', '-p', String(proxy.port), '-U', o.user.name, '-E'];
      const env = { IPMI_PASSWORD: o.user.password };
      const ours: Cell = { ms: [], failures: 0 };
      const theirs: Cell = { ms: [], failures: 0 };
      try {
        for (let i = 0; i < o.runs; i++) {
          const cache = mkdtempSync(join(tmpdir(), 'bmcdesk-loss-'));
          try {
            const r = await timed(process.execPath, [o.bmcdesk, '-I', 'lanplus', ...conn, ...op.args], {
              ...env,
              BMCDESK_SDR_CACHE_DIR: cache,
            });
            ours.ms.push(r.ms);
            if (!r.ok) ours.failures++;
          } finally {
            rmSync(cache, { recursive: true, force: true });
          }
        }
        for (let i = 0; i < o.refRuns; i++) {
          const r = await timed('ipmitool', ['-I', 'lanplus', '-C', '3', ...conn, ...op.args], env);
          theirs.ms.push(r.ms);
          if (!r.ok) theirs.failures++;
        }
      } finally {
        proxy.close();
      }
      const line = `| ${Math.round(drop * 100)} % | ${op.label} | ${show(ours)} | ${show(theirs)} |`;
      process.stderr.write(line + '\n');
      lines.push(line);
    }
  }
  if (failureLines.size) {
    lines.push('', 'Failures (first stderr line, count):');
    for (const [why, n] of failureLines) lines.push(`- ${n} × ${why}`);
  }
  return lines.join('\n') + '\n';
}
