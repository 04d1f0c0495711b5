// `npm run dist`: build, then package with electron-builder for the current OS (NSIS on Windows, DMG on
// macOS, AppImage + deb on Linux). electron-builder downloads the Electron zip (and fpm/AppImage tools)
// from GitHub; where that is impossible, say so plainly instead of failing deep inside the packer.
// Offline: set ELECTRON_DIST to an unpacked Electron 45 folder (passed as electronDist); `--dir` packs
// without installers.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookup } from 'node:dns/promises';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const built = spawnSync(process.execPath, [join(root, 'build/build.mjs')], { stdio: 'inherit', cwd: root });
if (built.status !== 0) process.exit(built.status ?? 1);

if (!existsSync(join(root, 'assets/icon.png')))
  process.stderr.write('note: assets/icon.png missing; electron-builder will use its default icon\n');

const electronDist = process.env.ELECTRON_DIST;
if (!electronDist) {
  const reachable = await lookup('github.com').then(
    () => true,
    () => false,
  );
  if (!reachable) {
    const v = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
    process.stderr.write(
      [
        `Cannot package: electron-builder needs the Electron ${v} zip from github.com, which this machine cannot reach.`,
        'Either run `npm run dist` on a machine with GitHub access (CI matrix: windows → nsis, macos → dmg, ubuntu → AppImage + deb),',
        'or set ELECTRON_DIST to an unpacked Electron folder and pack the app folder only: ELECTRON_DIST=/path/to/electron npm run dist -- --dir',
        '(installers for deb/AppImage also download fpm and AppImage tools from GitHub).',
        '',
      ].join('\n'),
    );
    process.exit(2);
  }
}

const builder = join(root, 'node_modules/.bin/electron-builder');
const platform = { win32: '--win', darwin: '--mac', linux: '--linux' }[process.platform] ?? '--linux';
const r = spawnSync(
  builder,
  [
    '--config',
    'build/electron-builder.yml',
    platform,
    ...(electronDist ? [`-c.electronDist=${electronDist}`] : []),
    ...args,
  ],
  { stdio: 'inherit', cwd: root, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
);
process.exit(r.status ?? 1);
