import { describe, expect, it } from 'vitest';
import { acquireMessageTag, releaseMessageTag } from './message-tags';

describe('RMCP+ message tags per BMC', () => {
  it('no two held tags of one BMC are equal, all 256 in turn', () => {
    const held = Array.from({ length: 256 }, () => acquireMessageTag('10.0.0.1|623'));
    expect(new Set(held).size).toBe(256);
    for (const t of held) releaseMessageTag('10.0.0.1|623', t);
  });

  it('a released tag comes back only after the other 255', () => {
    const bmc = '10.0.0.2|623';
    const first = acquireMessageTag(bmc);
    releaseMessageTag(bmc, first);
    const next: number[] = [];
    for (let i = 0; i < 255; i++) {
      const t = acquireMessageTag(bmc);
      next.push(t);
      releaseMessageTag(bmc, t);
    }
    expect(next).not.toContain(first);
    expect(acquireMessageTag(bmc)).toBe(first);
  });

  it('skips a tag still held by a slow login', () => {
    const bmc = '10.0.0.3|623';
    const slow = acquireMessageTag(bmc);
    const seen = new Set<number>();
    for (let i = 0; i < 600; i++) {
      const t = acquireMessageTag(bmc);
      seen.add(t);
      releaseMessageTag(bmc, t);
    }
    expect(seen.has(slow)).toBe(false);
    expect(seen.size).toBe(255);
  });

  it('BMCs have pools of their own', () => {
    const a = acquireMessageTag('10.0.0.4|623');
    const b = acquireMessageTag('10.0.0.4|624');
    releaseMessageTag('10.0.0.4|623', a);
    releaseMessageTag('10.0.0.4|624', b);
    // the second BMC's pool did not advance the first one's
    expect(acquireMessageTag('10.0.0.4|623')).toBe((a + 1) & 0xff);
  });
});
