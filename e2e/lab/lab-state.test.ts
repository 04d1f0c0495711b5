import { describe, expect, it } from 'vitest';
import { selFile, usersFile } from './lab-state';
import { LAB_USERS } from './lab-users';

// Expected lines follow what ipmi_sim 2.0.33 itself wrote to users.mc20 after a Set User Password
// (captured while building the lab): `<n>.<field>:<type>:<value>`, type i = integer, d = escaped bytes.
describe('usersFile', () => {
  const lines = usersFile().split('\n');

  it('stores the 20-byte password unpadded and the privilege as a number', () => {
    const pw = Buffer.from('TwentyBytePassword!!');
    expect(lines).toContain(
      `6.passwd:d:${Array.from(pw, (b) => '\\' + b.toString(16).padStart(2, '0')).join('')}`,
    );
    expect(lines).toContain('6.privilege:i:4');
    expect(lines).toContain('3.privilege:i:3');
    expect(lines).toContain('4.privilege:i:2');
  });

  it('pads names to 16 and passwords to 20 bytes with zeros', () => {
    expect(lines).toContain('2.username:d:\\61\\64\\6d\\69\\6e' + '\\00'.repeat(11));
    expect(lines).toContain('2.passwd:d:\\70\\61\\73\\73\\77\\6f\\72\\64' + '\\00'.repeat(12));
  });

  it('marks the disabled user invalid and leaves unused slots empty', () => {
    expect(lines).toContain(`${LAB_USERS.disabled.id}.valid:i:0`);
    expect(lines).toContain(`${LAB_USERS.admin.id}.valid:i:1`);
    expect(lines).toContain('63.valid:i:0');
    expect(lines).toContain('63.username:d:' + '\\00'.repeat(16));
  });
});

describe('selFile', () => {
  it('lists records last-first (ipmi_sim reverses persist items on load)', () => {
    const rec = (id: number) => Uint8Array.from({ length: 16 }, (_, i) => (i === 0 ? id : 0));
    const items = selFile([rec(1), rec(2)])
      .split('\n')
      .filter((l) => /^\d+:d:/.test(l))
      .map((l) => l.split(':')[0]);
    expect(items).toEqual(['2', '1']);
  });

  it('refuses records that are not 16 bytes', () => {
    expect(() => selFile([new Uint8Array(15)])).toThrow(/16 bytes/);
  });
});
