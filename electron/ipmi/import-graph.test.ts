// The layering test's checker can fail: a cycle planted in a temp tree (value and type-only imports,
// a self-import, an `export … from`) is found with its path, a tree without one yields nothing, and an
// import against the layer order is named with both layers.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycles, importGraph, importSpecifiers, layerViolations, sourceFiles } from './import-graph';

let dir = '';
function tree(files: Record<string, string>): string[] {
  dir = mkdtempSync(join(tmpdir(), 'bmcdesk-import-graph-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return sourceFiles(dir);
}
const rel = (cycles: string[][]) => cycles.map((c) => c.map((f) => f.slice(dir.length + 1)).join(' -> '));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('import graph checker', () => {
  it('reads every import form we write', () => {
    expect(
      importSpecifiers(
        [
          "import { a } from './a';",
          "import type { B } from '../b';",
          'import {\n  c,\n  type D,\n} from "./c";',
          "export { e } from './e';",
          "export * from './f';",
          "import './g';",
          "const h = await import('./h');",
          "import { readFileSync } from 'node:fs';",
          "// a comment that says import x from './not-an-import' is not at the start of a line",
        ].join('\n'),
      ),
    ).toEqual(['./a', '../b', './c', './e', './f', './g', './h', 'node:fs']);
  });

  it('finds a planted three-file cycle through a type-only import, with its path', () => {
    const files = tree({
      'client/session.ts': "import { Bridge } from './bridge';\nimport { x } from '../util';\n",
      'client/bridge.ts': "import type { Options } from './connect';\n",
      'client/connect.ts': "export { Session } from './session';\n",
      'util.ts': 'export const x = 1;\n',
    });
    expect(rel(findCycles(importGraph(files).edges))).toEqual([
      'client/bridge.ts -> client/connect.ts -> client/session.ts -> client/bridge.ts',
    ]);
  });

  it('finds a self-import and two separate cycles, and nothing in an acyclic tree', () => {
    const cyclic = tree({
      'a.ts': "import { a } from './a';\n",
      'b.ts': "import { c } from './c';\n",
      'c.ts': "import { b } from './b';\nimport { d } from './d';\n",
      'd.ts': "import { e } from './e';\n",
      'e.ts': "import { d } from './d';\n",
    });
    expect(rel(findCycles(importGraph(cyclic).edges))).toEqual([
      'a.ts -> a.ts',
      'b.ts -> c.ts -> b.ts',
      'd.ts -> e.ts -> d.ts',
    ]);
    rmSync(dir, { recursive: true, force: true });
    const diamond = tree({
      'top.ts': "import { l } from './left';\nimport { r } from './right';\n",
      'left.ts': "import { b } from './bottom';\n",
      'right.ts': "import { b } from './bottom';\n",
      'bottom.ts': 'export const b = 1;\n',
    });
    const g = importGraph(diamond);
    expect([...g.edges.values()].reduce((n, s) => n + s.size, 0)).toBe(4);
    expect(findCycles(g.edges)).toEqual([]);
  });

  it('names an import that runs up the layers, and lets the allowed direction pass', () => {
    const files = tree({
      'lower/fleet.ts': "import { status } from '../upper/status';\n",
      'upper/status.ts': "import { send } from '../lower/send';\n",
      'lower/send.ts': 'export const send = 1;\n',
    });
    const layers = [
      { name: 'upper', paths: ['upper/'], may: ['lower'] },
      { name: 'lower', paths: ['lower/'], may: [] },
    ];
    expect(layerViolations(importGraph(files), layers, dir)).toEqual([
      'lower/fleet.ts -> upper/status.ts (lower may not import upper)',
    ]);
  });
});
