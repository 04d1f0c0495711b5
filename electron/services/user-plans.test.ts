// The lockout verdict of user writes, table-driven: who we are (Get Session Info), what changes, and
// the privilege the host's sessions ask for.
import { describe, expect, it } from 'vitest';
import type { Host } from '../../shared/domain/host';
import { userChangeVerdict, type UserChange } from './user-plans';

const host = (privilege: Host['privilege']): Host => ({
  id: 'h0example01',
  name: 'bmc',
  address: '127.0.0.1',
  port: 623,
  username: 'admin',
  interface: 'lanplus',
  cipherSuite: 'auto',
  privilege,
  groups: [],
  notes: '',
});
const own = { userId: 2, channel: 1 };

describe('userChangeVerdict', () => {
  it.each<[string, UserChange, Host['privilege'], string, string[]]>([
    ['disable another user', { kind: 'disable', userId: 7 }, 'administrator', 'safe', []],
    ['disable our user', { kind: 'disable', userId: 2 }, 'administrator', 'lockout', ['disables-own-user']],
    [
      'demote ours to operator (admin sessions)',
      { kind: 'privilege', userId: 2, privilege: 'operator' },
      'administrator',
      'lockout',
      ['demotes-own-user'],
    ],
    [
      'demote ours to operator (operator sessions)',
      { kind: 'privilege', userId: 2, privilege: 'operator' },
      'operator',
      'safe',
      [],
    ],
    ['raise ours', { kind: 'privilege', userId: 2, privilege: 'administrator' }, 'operator', 'safe', []],
    [
      'ours to no access',
      { kind: 'privilege', userId: 2, privilege: 'no-access' },
      'user',
      'lockout',
      ['demotes-own-user'],
    ],
    [
      'ours to OEM (no order)',
      { kind: 'privilege', userId: 2, privilege: 'oem' },
      'administrator',
      'lockout',
      ['demotes-own-user'],
    ],
    [
      'demote ours on our channel by number',
      { kind: 'privilege', userId: 2, channel: 1, privilege: 'user' },
      'administrator',
      'lockout',
      ['demotes-own-user'],
    ],
    [
      'demote ours on another channel',
      { kind: 'privilege', userId: 2, channel: 2, privilege: 'user' },
      'administrator',
      'safe',
      [],
    ],
    [
      'demote another user',
      { kind: 'privilege', userId: 3, privilege: 'no-access' },
      'administrator',
      'safe',
      [],
    ],
  ])('%s → %s', (_, change, priv, level, reasons) => {
    const v = userChangeVerdict(change, own, host(priv));
    expect(v.level).toBe(level);
    expect(v.reasons.map((r) => r.code)).toEqual(reasons);
  });
  it('unknown own user (no Get Session Info and no name match): safe', () => {
    expect(userChangeVerdict({ kind: 'disable', userId: 2 }, undefined, host('administrator')).level).toBe(
      'safe',
    );
  });
});
