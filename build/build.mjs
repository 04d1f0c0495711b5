// Builds every runnable piece: the CLI and benchmark (plain Node), the Electron main and preload
// bundles, and the renderer (Vite). Kept as one script so `npm run build` is the only entry point.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
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
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
};

// The lab (e2e/lab) finds its config files next to its sources; keep import.meta.url pointing there
// when it is bundled into the benchmark. The e2e host (e2e/host) too: its "run as a program" check
// compares import.meta.url with argv[1], which the bundle's own URL would match.
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]e2e[\\/](lab|host)[\\/].*\.ts$/ }, (args) => ({
      loader: 'ts',
      contents: readFileSync(args.path, 'utf8').replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
    }));
  },
};

const jobs = [];
const entry = (name, src, out, extra = {}) => {
  if (!want(name) || !existsSync(join(root, src))) return;
  mkdirSync(dirname(join(root, out)), { recursive: true });
  jobs.push(build({ ...nodeCommon, entryPoints: [join(root, src)], outfile: join(root, out), ...extra }));
};
entry('cli', 'electron/cli/bmcdesk.ts', 'out/cli/bmcdesk.js');
entry('bench', 'e2e/bench/bench.ts', 'out/bench/bench.js', { plugins: [keepSourceUrls] });
entry('fleet-bench', 'e2e/bench/fleet-bench.ts', 'out/bench/fleet-bench.js', { plugins: [keepSourceUrls] });
entry('main', 'electron/main/main.ts', 'out/main/main.js');
entry('e2e-host', 'e2e/host/ws-host.ts', 'out/e2e-host/ws-host.js');
// A sandboxed preload runs without an ESM context: it must be one CommonJS file.
entry('preload', 'electron/preload/preload.ts', 'out/preload/preload.cjs', { format: 'cjs', banner: {} });
await Promise.all(jobs);

if (want('renderer') && existsSync(join(root, 'build/vite.renderer.ts'))) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'build/vite.renderer.ts'), logLevel: 'warn' });
}
