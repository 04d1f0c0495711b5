// The IPMI stack, services, IPC handlers and CLI run in plain Node (CLI, tests, the e2e host): nothing
// reachable from them may import `electron`. Lint forbids it per file; this follows the imports, so an
// indirect path through some helper module is caught too. Imports also run one way, down the layers
// below, and no files import each other in a circle (import-graph.test.ts shows the checks can fail).
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, layerViolations, sourceFiles, type Layer } from './import-graph';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rel = (f: string) => relative(root, f);

const BELOW_SERVICES = ['views', 'commands', 'client', 'transport', 'core', 'shared'];
/** Top to bottom: renderer → shared; ipc → services → views → ipmi/commands → ipmi/client → transport;
 *  the CLI sits beside ipc (it may use views, services and commands, never ipc). */
export const LAYERS: Layer[] = [
  { name: 'renderer', paths: ['renderer/'], may: ['shared'] },
  { name: 'preload', paths: ['electron/preload/'], may: ['shared'] },
  { name: 'main', paths: ['electron/main/'], may: ['ipc', 'services', ...BELOW_SERVICES] },
  { name: 'ipc', paths: ['electron/ipc/'], may: ['services', ...BELOW_SERVICES] },
  { name: 'cli', paths: ['electron/cli/'], may: ['services', ...BELOW_SERVICES] },
  { name: 'services', paths: ['electron/services/'], may: BELOW_SERVICES },
  { name: 'views', paths: ['electron/views/'], may: ['commands', 'client', 'transport', 'core', 'shared'] },
  { name: 'commands', paths: ['electron/ipmi/commands/'], may: ['client', 'transport', 'core', 'shared'] },
  {
    name: 'client',
    // the two session protocols are the client's own parts: session.ts drives them, they share its types
    paths: ['electron/ipmi/client/', 'electron/ipmi/rmcpplus/', 'electron/ipmi/session15/'],
    may: ['transport', 'core'],
  },
  { name: 'transport', paths: ['electron/ipmi/transport/'], may: ['core'] },
  {
    name: 'core',
    // what every layer of the stack may use: errors, message framing, byte helpers, decoders of BMC data
    paths: [
      'electron/ipmi/errors.ts',
      'electron/ipmi/message/',
      'electron/ipmi/wire/',
      'electron/ipmi/rmcp/',
      'electron/ipmi/decode/',
    ],
    may: [],
  },
  { name: 'shared', paths: ['shared/'], may: [] },
  // this test's own checker: plain fs, imports nothing of ours
  { name: 'tooling', paths: ['electron/ipmi/import-graph.ts'], may: [] },
];

/** Every bare module reachable from `entries`, with the chain of files that leads to it. */
function reachableModules(entries: string[]): Map<string, string[]> {
  const graph = importGraph(sourceFiles(join(root, 'electron')).concat(sourceFiles(join(root, 'shared'))));
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const stack = entries.map((e) => ({ file: e, chain: [e] }));
  while (stack.length) {
    const { file, chain } = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of graph.bare.get(file) ?? []) if (!found.has(m)) found.set(m, chain);
    for (const next of graph.edges.get(file) ?? []) stack.push({ file: next, chain: [...chain, next] });
  }
  return found;
}

describe('layering', () => {
  it.each(['electron/ipmi', 'electron/services', 'electron/views', 'electron/ipc', 'electron/cli'])(
    '%s never reaches electron, React or the DOM',
    (dir) => {
      const entries = sourceFiles(join(root, dir));
      if (entries.length === 0) return; // electron/views appears with the first view module
      const mods = reachableModules(entries);
      const forbidden = [...mods.entries()].filter(
        ([m]) => m === 'electron' || m.startsWith('electron/') || m === 'react' || m === 'react-dom',
      );
      expect(forbidden.map(([m, chain]) => `${m} via ${chain.map(rel).join(' -> ')}`)).toEqual([]);
      expect(mods.size).toBeGreaterThan(0); // the walk really found imports
    },
  );

  it('imports run one way down the layers', () => {
    const files = ['electron', 'shared', 'renderer'].flatMap((d) => sourceFiles(join(root, d)));
    const graph = importGraph(files);
    expect(layerViolations(graph, LAYERS, root)).toEqual([]);
    // every file of electron/, shared/ and renderer/ sits in a layer, so none escapes the check
    const unplaced = files.filter((f) => !LAYERS.some((l) => l.paths.some((p) => rel(f).startsWith(p))));
    expect(unplaced.map(rel)).toEqual([]);
    expect([...graph.edges.values()].reduce((n, s) => n + s.size, 0)).toBeGreaterThan(500);
  });

  it('no import cycle anywhere in electron/ and shared/ (type-only imports included)', () => {
    const files = ['electron', 'shared'].flatMap((d) => sourceFiles(join(root, d)));
    const cycles = findCycles(importGraph(files).edges);
    expect(cycles.map((c) => c.map(rel).join(' -> '))).toEqual([]);
  });
});
