import { describe, expect, it } from 'vitest';
import { systemGuidView } from './guid';
import { formatGuid } from '../cli/format/mc';

describe('systemGuidView', () => {
  it('the lab GUID reads in IPMI order, the same text `mc guid` prints', () => {
    const g = Buffer.from('a123456789abcdefa123456789abcdef', 'hex');
    const v = systemGuidView(g);
    expect(v).toEqual({ guid: 'efcdab89-6745-23a1-efcd-ab89674523a1', encoding: 'ipmi', version: 2 });
    expect(formatGuid(g)).toContain(`System GUID   : ${v.guid}\n`);
  });
  it('no byte order with a valid version: the bytes as hex, encoding unknown', () => {
    const g = Buffer.alloc(16, 0);
    expect(systemGuidView(g)).toEqual({ guid: '0'.repeat(32), encoding: 'unknown' });
  });
});
