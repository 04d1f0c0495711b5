// The IPMI stack, services, IPC handlers and CLI run in plain Node (CLI, tests, the e2e host): nothing
// reachable from them may import `electron`. Lint forbids it per file; this follows the imports, so an
// indirect path through some helper module is caught too.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const c of [base + '.ts', base + '.tsx', join(base, 'index.ts'), base])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

/** Every bare module reachable from `entry`, with the chain of files that leads to it. */
function reachableModules(entries: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const stack = entries.map((e) => ({ file: e, chain: [e] }));
  while (stack.length) {
    const { file, chain } = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) {
        const next = resolveLocal(file, spec);
        if (next) stack.push({ file: next, chain: [...chain, next] });
      } else if (!found.has(spec)) found.set(spec, chain);
    }
  }
  return found;
}

describe('layering', () => {
  it.each(['electron/ipmi', 'electron/services', 'electron/ipc', 'electron/cli'])(
    '%s never reaches electron, React or the DOM',
    (dir) => {
      const mods = reachableModules(sources(join(root, dir)));
      const forbidden = [...mods.entries()].filter(
        ([m]) => m === 'electron' || m.startsWith('electron/') || m === 'react' || m === 'react-dom',
      );
      expect(
        forbidden.map(([m, chain]) => `${m} via ${chain.map((f) => f.replace(root + '/', '')).join(' -> ')}`),
      ).toEqual([]);
      expect(mods.size).toBeGreaterThan(0); // the walk really found imports
    },
  );
});
