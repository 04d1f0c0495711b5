// Messages are declared per area, both languages side by side, so a key missing in one language is a
// type error here and a test failure in keys.test.ts (which also finds keys no source uses).
export interface Tree {
  readonly [key: string]: string | Tree;
}
/** The same keys as T, every leaf a string: what the other language must provide. */
export type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export interface Messages<T extends Tree> {
  en: T;
  'zh-CN': SameKeys<T>;
}

export function defineMessages<T extends Tree>(m: Messages<T>): Messages<T> {
  return m;
}

/** Every leaf key of a tree, dotted ("hosts.add.title"). */
export function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`),
  );
}
