// Builds every runnable piece: the CLI and benchmark (plain Node), the Electron main and preload
// bundles, and the renderer (Vite). Kept as one script so `npm run build` is the only entry point.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  // Native and Electron modules resolve at run time from node_modules.
  external: ['electron', '@napi-rs/keyring', 'playwright-core', 'ws'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

const jobs = [];
const entry = (name, src, out, extra = {}) => {
  if (!want(name) || !existsSync(join(root, src))) return;
  mkdirSync(dirname(join(root, out)), { recursive: true });
  jobs.push(build({ ...nodeCommon, entryPoints: [join(root, src)], outfile: join(root, out), ...extra }));
};
entry('cli', 'electron/cli/bmcdesk.ts', 'out/cli/bmcdesk.js');
entry('bench', 'e2e/bench/bench.ts', 'out/bench/bench.js');
entry('main', 'electron/main/main.ts', 'out/main/main.js');
entry('e2e-host', 'e2e/host/ws-host.ts', 'out/e2e-host/ws-host.js');
// A sandboxed preload runs without an ESM context: it must be one CommonJS file.
entry('preload', 'electron/preload/preload.ts', 'out/preload/preload.cjs', { format: 'cjs', banner: {} });
await Promise.all(jobs);

if (want('renderer') && existsSync(join(root, 'renderer/vite.config.ts'))) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
