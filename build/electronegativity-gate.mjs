// Static Electron security scan (@doyensec/electronegativity) over the Electron-facing sources: main,
// preload and the renderer. The tool always exits 0, so this script parses its SARIF report and fails on any
// finding that build/electronegativity.json does not justify. Test files are not scanned (they hold
// deliberately bad values). Run by `npm test`; alone: `node build/electronegativity-gate.mjs`.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const allow = JSON.parse(readFileSync(join(root, 'build/electronegativity.json'), 'utf8'));
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

const stage = mkdtempSync(join(tmpdir(), 'bmcdesk-en-'));
try {
  const notTest = (src) => !/\.(test|spec|peer\.test)\.tsx?$/.test(src) && !src.includes('__snapshots__');
  for (const dir of ['electron/main', 'electron/preload', 'renderer/src'])
    cpSync(join(root, dir), join(stage, dir), { recursive: true, filter: notTest });
  cpSync(join(root, 'renderer/index.html'), join(stage, 'renderer/index.html'));
  writeFileSync(
    join(stage, 'package.json'),
    JSON.stringify({ name: 'scan', devDependencies: { electron: electronVersion } }),
  );
  // SARIF (JSON), not CSV: the CSV writer leaves multi-line samples unquoted, which broke parsing.
  const report = join(stage, 'report.sarif');
  const bin = join(root, 'node_modules/.bin/electronegativity');
  const r = spawnSync(bin, ['-i', stage, '-r', '-v', 'false', '-e', electronVersion, '-o', report], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (!existsSync(report)) {
    process.stderr.write(`electronegativity produced no report (exit ${r.status})\n${r.stderr}\n`);
    process.exit(1);
  }
  const sarif = JSON.parse(readFileSync(report, 'utf8'));
  const findings = (sarif.runs ?? []).flatMap((run) =>
    (run.results ?? []).map((r) => {
      const loc = r.locations?.[0]?.physicalLocation;
      return {
        issue: r.ruleId,
        severity: r.level,
        filename: loc?.artifactLocation?.uri ?? '',
        location: loc?.region ? `${loc.region.startLine}:${loc.region.startColumn}` : '?',
      };
    }),
  );
  const justified = (f) =>
    allow.findings.some((a) => a.issue === f.issue && (a.file === '*' || basename(f.filename) === a.file));
  const open = findings.filter((f) => !justified(f));
  for (const f of findings)
    process.stdout.write(
      `${justified(f) ? 'justified ' : 'UNJUSTIFIED'} ${f.issue} ${f.severity} ${f.filename}:${f.location}\n`,
    );
  process.stdout.write(
    `electronegativity: ${findings.length} findings, ${findings.length - open.length} justified in build/electronegativity.json, ${open.length} open\n`,
  );
  process.exit(open.length === 0 ? 0 : 1);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
