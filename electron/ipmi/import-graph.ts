// The import graph of our own sources, for the layering test: which file imports which (type-only
// imports count: a type cycle still ties the files into one unit nobody can read alone), the cycles in
// it, and the imports that run against the layer order. Plain fs and regexes, no TypeScript compiler:
// every import we write has the literal form `import … from '…'`, `export … from '…'` or `import('…')`.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every .ts/.tsx file under `dir` (tests included only when asked). */
export function sourceFiles(dir: string, o: { tests?: boolean } = {}): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(p, o);
    if (!/\.tsx?$/.test(name) || name.endsWith('.d.ts')) return [];
    return o.tests || !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** The module specifiers a source text imports, in order of appearance. */
export function importSpecifiers(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

export function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const c of [base + '.ts', base + '.tsx', join(base, 'index.ts'), base])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

export interface ImportGraph {
  /** file → the local files it imports (only files inside the graph) */
  edges: Map<string, Set<string>>;
  /** file → the bare modules it imports (node:fs, zod, electron …) */
  bare: Map<string, Set<string>>;
}

export function importGraph(files: readonly string[]): ImportGraph {
  const inGraph = new Set(files);
  const edges = new Map<string, Set<string>>();
  const bare = new Map<string, Set<string>>();
  for (const f of files) {
    const local = new Set<string>();
    const mods = new Set<string>();
    for (const spec of importSpecifiers(readFileSync(f, 'utf8'))) {
      if (!spec.startsWith('.')) mods.add(spec);
      else {
        const target = resolveLocal(f, spec);
        if (target && inGraph.has(target)) local.add(target);
      }
    }
    edges.set(f, local);
    bare.set(f, mods);
  }
  return { edges, bare };
}

/**
 * Every import cycle, as one list of files per strongly connected component (Tarjan), each list starting
 * at its alphabetically first file and following import edges, so a report reads as a path
 * a → b → … → a. A file importing itself is a cycle of one.
 */
export function findCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  // iterative Tarjan: the graph has a few hundred files, but recursion depth is not ours to bet on
  for (const start of [...edges.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; next: Iterator<string> }[] = [];
    const enter = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: [...(edges.get(node) ?? [])].sort()[Symbol.iterator]() });
    };
    enter(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const step = top.next.next();
      if (!step.done) {
        const w = step.value;
        if (!index.has(w)) enter(w);
        else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.node);
        if (comp.length > 1 || edges.get(top.node)?.has(top.node)) components.push(cyclePath(comp, edges));
      }
    }
  }
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** One closed walk through a component, from its first file back to it (for a readable report). */
function cyclePath(comp: string[], edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const members = new Set(comp);
  const first = [...comp].sort()[0]!;
  // breadth-first from `first` inside the component until an edge leads back to it
  const prev = new Map<string, string>();
  const queue = [first];
  const seen = new Set([first]);
  while (queue.length) {
    const n = queue.shift()!;
    for (const w of [...(edges.get(n) ?? [])].sort()) {
      if (!members.has(w)) continue;
      if (w === first) {
        const path = [n];
        while (path[0] !== first) path.unshift(prev.get(path[0]!)!);
        return [...path, first];
      }
      if (!seen.has(w)) {
        seen.add(w);
        prev.set(w, n);
        queue.push(w);
      }
    }
  }
  return [first, first];
}

export interface Layer {
  name: string;
  /** path prefixes relative to the root ('electron/ipmi/client/', 'electron/ipmi/errors.ts') */
  paths: string[];
  /** the layers this one may import (its own is always allowed) */
  may: string[];
}

export function layerOf(layers: readonly Layer[], root: string, file: string): Layer | undefined {
  const rel = relative(root, file).split(sep).join('/');
  // the longest matching prefix wins, so a sub-folder can sit in another layer than its parent
  let best: { layer: Layer; len: number } | undefined;
  for (const layer of layers)
    for (const p of layer.paths)
      if ((rel === p || rel.startsWith(p.endsWith('/') ? p : p + '/')) && (!best || p.length > best.len))
        best = { layer, len: p.length };
  return best?.layer;
}

/** Imports from a file of one layer into a layer it may not import, as "from -> to (A -> B)". */
export function layerViolations(graph: ImportGraph, layers: readonly Layer[], root: string): string[] {
  const out: string[] = [];
  const rel = (f: string) => relative(root, f).split(sep).join('/');
  for (const [from, targets] of graph.edges) {
    const a = layerOf(layers, root, from);
    if (!a) continue;
    for (const to of targets) {
      const b = layerOf(layers, root, to);
      if (!b || b === a || a.may.includes(b.name)) continue;
      out.push(`${rel(from)} -> ${rel(to)} (${a.name} may not import ${b.name})`);
    }
  }
  return out.sort();
}
