import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { hostNames } from './fleet-host-names';

// the English messages, so the test reads like the dialog
const t = ((key: string, o?: { names: string; count: number }) =>
  key === 'fleet.hosts.separator' ? ', ' : `${o!.names}, … and ${o!.count} more`) as unknown as TFunction;
const names = (n: number) => Array.from({ length: n }, (_, i) => `web-${String(i + 1).padStart(2, '0')}`);

describe('hostNames', () => {
  it('names every host up to ten', () => {
    expect(hostNames(names(1), t)).toBe('web-01');
    expect(hostNames(names(10), t)).toBe(names(10).join(', '));
  });
  it('names ten and counts the rest beyond ten', () => {
    expect(hostNames(names(22), t)).toBe(`${names(10).join(', ')}, … and 12 more`);
    expect(hostNames(names(11), t)).toMatch(/web-10, … and 1 more$/);
  });
});
