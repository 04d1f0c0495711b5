// Contract tests GENERATED from the schemas: for every call, the example argument passes validation and
// reaches its handler; invalid variants derived by walking the argument schema (wrong types, unknown
// fields, missing fields, oversized strings and arrays, bad addresses and ids) are refused with an
// error naming the field and never reach the handler. A new call is covered the moment it is declared.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { contract, CALL_NAMES, EVENT_NAMES, events, type CallName } from '../../shared/contract/index';
import { errorData } from '../../shared/errors';
import { IpmiError } from '../ipmi/errors';
import { createDispatch, type Handlers } from './dispatch';
import { createHandlers } from './table';
import { OperationRegistry } from './operations';
import { EventBus } from './events';
import { EXAMPLE_HOST, testApp } from './test-app';

const names = Object.keys(contract) as CallName[];
const unreachable = async () => {
  throw new IpmiError('timeout', 'no BMC in unit tests', { host: '127.0.0.1' });
};

interface Variant {
  label: string;
  value: unknown;
  field: string;
}

type AnyDef = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): AnyDef => (s as unknown as { _zod: { def: AnyDef } })._zod.def;

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable')
      cur = d['innerType'] as z.ZodType;
    else return cur;
  }
}
/** the max_length check of a string or array schema, if any */
function maxLength(s: z.ZodType): number | null {
  const checks = (defOf(s)['checks'] ?? []) as { _zod: { def: { check: string; maximum?: number } } }[];
  const c = checks.find((x) => x._zod.def.check === 'max_length');
  return c?._zod.def.maximum ?? null;
}
function isOptional(s: z.ZodType): boolean {
  const t = defOf(s).type;
  return t === 'optional' || t === 'default';
}

/** Bad values for one field, by the field's schema type. */
function badValues(schema: z.ZodType, key: string): { label: string; value: unknown }[] {
  const s = unwrap(schema);
  const d = defOf(s);
  const out: { label: string; value: unknown }[] = [];
  switch (d.type) {
    case 'string': {
      out.push({ label: 'number instead of string', value: 12345 });
      const max = maxLength(s);
      out.push({ label: 'oversized string', value: 'x'.repeat(max !== null ? max + 1 : 100_000) });
      if (key === 'address')
        for (const a of ['999.1.1.1', 'bad host!', '1::2::3', 'fe80::1%bad zone', '-lead.example', '10.0.0'])
          out.push({ label: `bad address ${a}`, value: a });
      if (/[iI]d$/.test(key)) out.push({ label: 'malformed id', value: '../etc/passwd' });
      break;
    }
    case 'number':
      out.push(
        { label: 'string instead of number', value: '1' },
        { label: 'fraction', value: 1.5 },
        { label: 'NaN-like', value: null },
      );
      break;
    case 'boolean':
      out.push({ label: 'string instead of boolean', value: 'true' });
      break;
    case 'array': {
      out.push({ label: 'string instead of array', value: 'a,b' });
      const max = maxLength(s);
      if (max !== null)
        out.push({ label: 'oversized array', value: Array.from({ length: max + 1 }, () => 'x') });
      out.push({ label: 'array of wrong element type', value: [{ nested: true }] });
      break;
    }
    case 'object':
      out.push(
        { label: 'string instead of object', value: 'x' },
        { label: 'array instead of object', value: [] },
      );
      break;
    case 'enum':
    case 'literal':
      out.push({ label: 'not a member', value: 'definitely-not-a-member' }, { label: 'number', value: 7 });
      break;
    case 'union':
      out.push(
        { label: 'object instead of union member', value: { a: 1 } },
        { label: 'out-of-range union member', value: 10_000 },
      );
      break;
    default:
      out.push({ label: `object for ${d.type}`, value: { a: 1 } });
  }
  return out;
}

/** Walks an object schema alongside a valid value, yielding invalid copies of the whole argument. */
function variants(
  schema: z.ZodType,
  valid: unknown,
  path: string[],
  rebuild: (v: unknown) => unknown,
): Variant[] {
  const s = unwrap(schema);
  const d = defOf(s);
  if (d.type !== 'object') return [];
  const shape = d['shape'] as Record<string, z.ZodType>;
  const obj = (valid ?? {}) as Record<string, unknown>;
  const field = (k: string) => [...path, k].join('.');
  const out: Variant[] = [
    {
      label: 'unknown extra field',
      value: rebuild({ ...obj, unexpectedField: 1 }),
      field: field('unexpectedField'),
    },
    {
      label: 'password smuggled as extra field',
      value: rebuild({ ...obj, secretPassword: 'hunter2' }),
      field: field('secretPassword'),
    },
  ];
  for (const [k, sub] of Object.entries(shape)) {
    if (!isOptional(sub) && k in obj) {
      const { [k]: _omit, ...rest } = obj;
      out.push({ label: `missing ${k}`, value: rebuild(rest), field: field(k) });
    }
    for (const b of badValues(sub, k))
      out.push({ label: `${k}: ${b.label}`, value: rebuild({ ...obj, [k]: b.value }), field: field(k) });
    if (defOf(unwrap(sub)).type === 'object' && obj[k] !== undefined)
      out.push(...variants(sub, obj[k], [...path, k], (v) => rebuild({ ...obj, [k]: v })));
  }
  return out;
}

function spyHandlers(): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    names.map((n) => [
      n,
      async () => {
        calls.push(n);
        throw new Error('handler must not be reached');
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

describe('contract surface', () => {
  it('zod-free channel list (used by the preload) equals the contract and its events', () => {
    expect([...CALL_NAMES].sort()).toEqual([...names].sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });

  it('the handler table implements exactly the contract', async () => {
    const app = await testApp({ connect: unreachable });
    const table = createHandlers(app.services);
    expect(Object.keys(table).sort()).toEqual([...names].sort());
    await app.shutdown();
  });

  it('every call has a strict argument object, a summary and an example', () => {
    for (const n of names) {
      const def = contract[n];
      expect(defOf(def.input).type, n).toBe('object');
      expect(
        defOf(def.input)['catchall'] && defOf(defOf(def.input)['catchall'] as z.ZodType).type,
        `${n} must be a strict object`,
      ).toBe('never');
      expect(def.summary.length, n).toBeGreaterThan(0);
      expect(def.input.safeParse(def.example).success, `${n} example`).toBe(true);
      if ('progress' in def && def.progress)
        expect(Object.keys(defOf(def.input)['shape'] as object), `${n} streams: needs operationId`).toContain(
          'operationId',
        );
    }
  });
});

describe.each(names)('%s', (name) => {
  const def = contract[name];
  const all: Variant[] = [
    { label: 'null argument', value: null, field: '' },
    { label: 'string argument', value: 'hosts', field: '' },
    { label: 'array argument', value: [def.example], field: '' },
    ...variants(def.input, def.example, [], (v) => v),
  ];

  it('a valid call passes validation and reaches the BMC-free handler or the BMC', async () => {
    const app = await testApp({
      hosts: [EXAMPLE_HOST],
      passwords: { [EXAMPLE_HOST.id]: 'secret' },
      connect: unreachable,
    });
    const r = await app.dispatch(name, structuredClone(def.example));
    if (!r.ok) {
      expect(r.error.code, JSON.stringify(r.error)).not.toBe('invalid-argument');
      // only calls that talk to a BMC may fail here, and then with the stack's error; an apply's example
      // names a plan this app never made, which it refuses before any BMC is asked
      expect(r.error.code, `${name}: ${JSON.stringify(r.error)}`).toBe(
        name.endsWith('.apply') ? 'stale-plan' : 'timeout',
      );
    } else if ('results' in (r.value as object)) {
      // fleet: per-host errors are data inside a successful result
      expect((r.value as { results: unknown[] }).results.length).toBeGreaterThan(0);
    }
    await app.shutdown();
  });

  it(`refuses ${all.length} derived invalid variants with a field-level error, never calling the handler`, async () => {
    const { handlers, calls } = spyHandlers();
    const dispatch = createDispatch(handlers, { operations: new OperationRegistry(new EventBus()) });
    for (const v of all) {
      const r = await dispatch(name, v.value);
      expect(r.ok, `${v.label} was accepted`).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, v.label).toBe('invalid-argument');
      expect(errorData.safeParse(r.error).success, v.label).toBe(true);
      const f = r.error.field ?? '';
      expect(
        f === v.field || f.startsWith(`${v.field}.`) || v.field === '',
        `${v.label}: field ${f}, expected ${v.field}`,
      ).toBe(true);
    }
    expect(calls).toEqual([]);
  });
});

describe('dispatch under arbitrary input', () => {
  it('unknown names are refused', async () => {
    const { handlers } = spyHandlers();
    const dispatch = createDispatch(handlers, { operations: new OperationRegistry(new EventBus()) });
    for (const n of ['__proto__', 'constructor', 'toString', 'hosts', 'hosts.list ', '']) {
      const r = await dispatch(n, {});
      expect(r).toEqual({ ok: false, error: { code: 'unknown-call', message: 'unknown call' } });
    }
  });

  it('arbitrary JSON never crashes dispatch and never reaches a handler unless it validates', async () => {
    const { handlers, calls } = spyHandlers();
    const dispatch = createDispatch(handlers, { operations: new OperationRegistry(new EventBus()) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names, 'nope', '__proto__'), fc.jsonValue(), async (name, raw) => {
        calls.length = 0;
        const r = await dispatch(name, raw);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(errorData.safeParse(r.error).success).toBe(true);
        const valid =
          Object.hasOwn(contract, name) && contract[name as CallName].input.safeParse(raw).success;
        expect(calls.length).toBe(valid ? 1 : 0);
      }),
      { numRuns: 400 },
    );
  });
});
