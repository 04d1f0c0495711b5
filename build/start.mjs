// `npm start`: build everything, then launch Electron on out/main/main.js if a binary exists. The binary
// is found WITHOUT require('electron'): Electron ≥42 downloads itself on first require.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function electronBinary() {
  const env = process.env.ELECTRON_EXEC_PATH;
  if (env) return existsSync(env) ? env : null;
  const dir = join(root, 'node_modules/electron');
  try {
    const exe = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

const built = spawnSync(process.execPath, [join(root, 'build/build.mjs')], { stdio: 'inherit', cwd: root });
if (built.status !== 0) process.exit(built.status ?? 1);

const exe = electronBinary();
if (!exe) {
  process.stderr.write(
    [
      'Built into out/, but no Electron binary was found, so the app cannot be launched.',
      'Get one in either way:',
      '  - point ELECTRON_EXEC_PATH at an existing Electron 45 executable, e.g.',
      '      ELECTRON_EXEC_PATH=/opt/electron/electron npm start',
      '  - or, on a machine that can reach GitHub, download it: npx install-electron (creates node_modules/electron/dist).',
      'Without Electron, the UI can still be tried in a browser through the e2e host:',
      '  node out/e2e-host/ws-host.js --user-data /tmp/bmcdesk-data   (test-only; prints the URL and token)',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
const child = spawn(exe, [join(root, 'out/main/main.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
