// `npm test`: typecheck, lint, build, then every Vitest tier (unit, peer, e2e) in one run, ending with
// one line "N passed, N failed, N skipped". Skipped tests are listed by name; their names carry the reason.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

// The keychain tests need a D-Bus session bus for the Secret Service; give them a private one.
if (!process.env.DBUS_SESSION_BUS_ADDRESS && !process.env.BMCDESK_NO_DBUS && hasCommand('dbus-run-session')) {
  const r = spawnSync('dbus-run-session', ['--', process.execPath, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    cwd: root,
  });
  process.exit(r.status ?? 1);
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}
function step(name, cmd, cmdArgs) {
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    process.stdout.write(`\n${name} failed\n0 passed, 1 failed\n`);
    process.exit(1);
  }
}

const npx = join(root, 'node_modules/.bin');
if (!args.includes('--no-static')) {
  step('typecheck', join(npx, 'tsc'), ['-b']);
  step('lint', process.execPath, [
    join(root, 'node_modules/eslint/bin/eslint.js'),
    '--config',
    'build/eslint.config.js',
    '.',
  ]);
  step('format', process.execPath, [
    join(root, 'node_modules/prettier/bin/prettier.cjs'),
    '--check',
    '--log-level',
    'warn',
    '--config',
    'build/prettier.json',
    '--ignore-path',
    'build/prettierignore',
    '.',
  ]);
  // Electron security scan; fails on any finding not justified in build/electronegativity.json
  step('security scan (electronegativity)', process.execPath, [
    join(root, 'build/electronegativity-gate.mjs'),
  ]);
}
step('build', process.execPath, [join(root, 'build/build.mjs')]);

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results/vitest.json');
process.stdout.write('\n== vitest\n');
const vt = spawnSync(
  join(npx, 'vitest'),
  [
    'run',
    '--config',
    'build/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args.filter((a) => a !== '--no-static'),
  ],
  { stdio: 'inherit', cwd: root },
);

let passed = 0,
  failed = 0,
  skipped = 0;
const skips = [];
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  for (const file of json.testResults ?? []) {
    if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') failed += 1; // a file that failed to load
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed') passed += 1;
      else if (t.status === 'failed') failed += 1;
      else {
        skipped += 1;
        skips.push(`${file.name.replace(root + '/', '')}: ${t.fullName}`);
      }
    }
  }
} else failed += 1;
if (vt.status !== 0 && failed === 0) failed = 1; // vitest failed outside any test (setup, unhandled error)
if (skips.length)
  process.stdout.write(`\nSkipped (each names its reason):\n${skips.map((s) => `  - ${s}`).join('\n')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed === 0 ? 0 : 1);
