// Both languages carry exactly the same keys, none empty; every key a source names exists; every key
// exists because some source names it (as a literal, or under a `prefix.${…}` template in t()).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NAMESPACES } from './namespaces';
import { leafKeys, type Tree } from './define';
import { ERROR_CODES } from '../../../shared/errors';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f: string) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'messages' ? [] : sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

function keysOf(lang: 'en' | 'zh-CN'): string[] {
  return Object.entries(NAMESPACES).flatMap(([ns, m]) => leafKeys(m[lang] as Tree, `${ns}.`));
}

function valueOf(lang: 'en' | 'zh-CN', key: string): unknown {
  const [ns, ...rest] = key.split('.');
  let v: unknown = (NAMESPACES as unknown as Record<string, Record<string, unknown>>)[ns!]?.[lang];
  for (const k of rest) v = (v as Record<string, unknown> | undefined)?.[k];
  return v;
}

const code = sources(SRC).map((f) => readFileSync(f, 'utf8'));
const all = code.join('\n');
/** t('a.b'), i18n.t("a.b"), i18nKey="a.b" — keys named literally in a translation call */
const called = [
  ...all.matchAll(/\bt\(\s*['"]([\w-]+(?:\.[\w-]+)+)['"]/g),
  ...all.matchAll(/i18nKey=["']([\w-]+(?:\.[\w-]+)+)["']/g),
].map((m) => m[1]!);
/** t(`a.b.${x}`) — every key under a.b. counts as used */
const prefixes = [...all.matchAll(/\bt\(\s*`([\w-]+(?:\.[\w-]+)*\.)\$\{/g)].map((m) => m[1]!);
/** any string literal in the sources: tables of keys (tabs, columns) name them this way */
const literals = new Set([...all.matchAll(/['"`]([\w-]+(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]!));

describe('messages', () => {
  it('en and zh-CN have the same keys and no empty text', () => {
    const en = keysOf('en');
    expect(keysOf('zh-CN').sort()).toEqual([...en].sort());
    for (const k of en) {
      expect(String(valueOf('en', k)).trim(), `en ${k}`).not.toBe('');
      expect(String(valueOf('zh-CN', k)).trim(), `zh-CN ${k}`).not.toBe('');
    }
  });

  it('zh-CN uses the same {{placeholders}} as en', () => {
    const ph = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of keysOf('en')) expect(ph(valueOf('zh-CN', k)), k).toEqual(ph(valueOf('en', k)));
  });

  it('every key the sources name exists', () => {
    const known = new Set(keysOf('en'));
    const missing = called.filter((k) => !known.has(k) && !keysOf('en').some((x) => x.startsWith(`${k}.`)));
    expect(missing).toEqual([]);
    const knownPrefix = prefixes.filter((p) => !keysOf('en').some((k) => k.startsWith(p)));
    expect(knownPrefix).toEqual([]);
  });

  it('every key is used by some source', () => {
    const unused = keysOf('en').filter((k) => !literals.has(k) && !prefixes.some((p) => k.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('every error code of the contract has a text', () => {
    for (const c of ERROR_CODES) expect(keysOf('en'), c).toContain(`errors.code.${c}`);
  });
});
