// Known answers for `isol info` text and its CSV form (ipmitool 1.8.19 lib/ipmi_isol.c).
import { describe, expect, it } from 'vitest';
import { formatIsolInfo } from './isol';

describe('formatIsolInfo', () => {
  it('prints the three lines ipmitool prints', () => {
    expect(formatIsolInfo({ enabled: true, authentication: 0x84, bitRate: 0x0a })).toBe(
      'Enabled                         : true\n' +
        'Privilege Level                 : ADMINISTRATOR\n' +
        'Bit Rate (kbps)                 : 115.2\n',
    );
  });
  it('bit rate 0 is the IPMI-over-serial setting; unknown codes and levels print Unknown', () => {
    expect(formatIsolInfo({ enabled: false, authentication: 0x00, bitRate: 0x00 })).toBe(
      'Enabled                         : false\n' +
        'Privilege Level                 : Unknown (0x00)\n' +
        'Bit Rate (kbps)                 : IPMI-Over-Serial-Setting\n',
    );
    expect(formatIsolInfo({ enabled: true, authentication: 0x02, bitRate: 0x03 })).toContain(
      'Bit Rate (kbps)                 : Unknown (0x03)\n',
    );
  });
  it("CSV: ipmitool's fields and trailing comma, plus the newline ipmitool forgets", () => {
    expect(formatIsolInfo({ enabled: true, authentication: 0x03, bitRate: 0x06 }, true)).toBe(
      'true,OPERATOR,9.6,\n',
    );
  });
});
