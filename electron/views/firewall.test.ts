// Known answers for the firewall view: the command layer's reading → plain data (schema-valid), back to
// what the lock-out guard knows, the domain's changes → the command layer's, and the plan basis key
// (what apply compares to call a plan stale).
import { describe, expect, it } from 'vitest';
import { firewallView } from '../../shared/domain/firewall';
import type { FirewallReading } from '../ipmi/commands/oem/ami/firewall';
import { basisKey, changeOf, firewallViewOf, knowledgeOf, type FirewallBasis } from './firewall';

const KNOWN: FirewallReading = {
  layout: 'known',
  layoutIds: ['ami-v1'],
  rules: [
    { kind: 'ip', state: 'accept', address: '127.0.0.1', index: 0, type: 0 },
    { kind: 'unknown', index: 1, type: 42, stateCode: 7, body: Uint8Array.of(1, 2, 3) },
  ],
  blockAll: { active: true, raw: 1 },
};
const RAW: FirewallReading = {
  layout: 'unknown',
  note: 'the Get Firewall replies fit no known layout',
  raw: [
    { selector: 'count', request: Uint8Array.of(0, 0), completionCode: 0xc9, bytes: new Uint8Array() },
    {
      selector: 'entry 0',
      request: Uint8Array.of(1, 0),
      completionCode: 0,
      bytes: Uint8Array.of(0xa1, 2, 0, 1),
    },
    { selector: 'entry 1', request: Uint8Array.of(1, 1), completionCode: 0xc9, bytes: new Uint8Array() },
    {
      selector: 'is-block-all',
      request: Uint8Array.of(2),
      completionCode: 0,
      bytes: Uint8Array.of(0xa2, 1, 0),
    },
  ],
};

describe('firewall view', () => {
  it('a decoded reading: byte arrays become number lists; the view passes its schema', () => {
    const v = firewallViewOf(KNOWN);
    expect(v).toEqual({
      layout: 'known',
      layoutIds: ['ami-v1'],
      rules: [
        { kind: 'ip', state: 'accept', address: '127.0.0.1', index: 0, type: 0 },
        { kind: 'unknown', index: 1, type: 42, stateCode: 7, body: [1, 2, 3] },
      ],
      blockAll: { active: true, raw: 1 },
    });
    expect(firewallView.parse(v)).toEqual(v);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v); // plain data: survives IPC
    expect(knowledgeOf(v)).toEqual({ rules: KNOWN.rules, blockAll: KNOWN.blockAll });
  });

  it('raw replies: every selector with its request, code and reply bytes; the rules are unknown', () => {
    const v = firewallViewOf(RAW);
    expect(v).toEqual({
      layout: 'unknown',
      note: RAW.note,
      raw: [
        { selector: 'count', request: [0, 0], completionCode: 0xc9, reply: [] },
        { selector: 'entry 0', request: [1, 0], completionCode: 0, reply: [0xa1, 2, 0, 1] },
        { selector: 'entry 1', request: [1, 1], completionCode: 0xc9, reply: [] },
        { selector: 'is-block-all', request: [2], completionCode: 0, reply: [0xa2, 1, 0] },
      ],
    });
    expect(firewallView.parse(v)).toEqual(v);
    expect(knowledgeOf(v)).toEqual({ unknown: RAW.note });
  });

  it('changes: the domain form → the command layer form', () => {
    const window = {
      start: { year: 2030, month: 1, day: 1, hour: 0, minute: 0 },
      stop: { year: 2030, month: 2, day: 1, hour: 0, minute: 0 },
    };
    expect(changeOf({ op: 'drop-all', ipv4: true, ipv6: false, window })).toEqual({
      op: 'drop-all',
      spec: { kind: 'drop-all', ipv4: true, ipv6: false, window },
    });
    expect(changeOf({ op: 'drop-all', ipv4: true, ipv6: false })).toEqual({
      op: 'drop-all',
      spec: { kind: 'drop-all', ipv4: true, ipv6: false },
    });
    expect(changeOf({ op: 'undrop-all', ipv4: false, ipv6: true })).toEqual({
      op: 'undrop-all',
      spec: { kind: 'drop-all', ipv4: false, ipv6: true },
    });
    const rule = { kind: 'ip', state: 'drop', address: '192.0.2.1' } as const;
    expect(changeOf({ op: 'remove', rule })).toEqual({ op: 'remove', rule });
    expect(changeOf({ op: 'flush' })).toEqual({ op: 'flush' });
  });

  describe('basisKey', () => {
    const basis = (r: FirewallReading, source = '127.0.0.1'): FirewallBasis => {
      const view = firewallViewOf(r);
      return { view, knowledge: knowledgeOf(view), source };
    };
    it('decoded rules compare as a set; the drop-all flag and our address count', () => {
      const swapped: FirewallReading = {
        ...KNOWN,
        rules: [
          { ...KNOWN.rules[1]!, index: 0 },
          { ...KNOWN.rules[0]!, index: 1 },
        ],
      } as FirewallReading;
      expect(basisKey(basis(swapped))).toBe(basisKey(basis(KNOWN)));
      expect(basisKey(basis({ ...KNOWN, blockAll: { active: true, raw: 3 } } as FirewallReading))).not.toBe(
        basisKey(basis(KNOWN)),
      );
      expect(basisKey(basis(KNOWN, '10.0.0.9'))).not.toBe(basisKey(basis(KNOWN)));
    });
    it('raw replies compare by what succeeded: the failed count probe of a first read does not count', () => {
      const remembered = { ...RAW, raw: RAW.raw.slice(1) } as FirewallReading; // the next read skips it
      expect(basisKey(basis(remembered))).toBe(basisKey(basis(RAW)));
      const changed = {
        ...RAW,
        raw: RAW.raw.map((x) =>
          x.selector === 'entry 0' ? { ...x, bytes: Uint8Array.of(0xa1, 2, 0, 0) } : x,
        ),
      } as FirewallReading;
      expect(basisKey(basis(changed))).not.toBe(basisKey(basis(RAW)));
    });
    it('an unreadable table compares by the reason', () => {
      const a: FirewallBasis = {
        view: undefined,
        knowledge: { unknown: 'refused: 0xd4' },
        source: '127.0.0.1',
      };
      expect(basisKey(a)).toBe(basisKey({ ...a }));
      expect(basisKey(a)).not.toBe(basisKey(basis(KNOWN)));
    });
  });
});
