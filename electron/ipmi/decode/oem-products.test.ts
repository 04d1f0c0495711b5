// Known answers for `mc info`'s product names, checked against ipmitool 1.8.19's ipmi_oem_product_info
// (lib/ipmi_strings.c): one entry per vendor, the first and last Supermicro entries, and the pairs the
// table holds twice (ipmitool's linear search returns the first).
import { describe, expect, it } from 'vitest';
import { IANA, OEM_PRODUCT_TABLE } from './oem-product-table';
import { productName } from './oem-products';

const KNOWN: [vendor: string, manufacturer: number, product: number, name: string | undefined][] = [
  ['Intel', 343, 0x0028, 'S5000PAL'],
  ['Intel', 343, 0x4311, 'NSI2U'],
  ['Kontron (decimal IDs)', 15000, 4000, 'AM4000 AdvancedMC'],
  ['Broadcom', 4413, 5725, 'BCM5725'],
  ['Ericsson', 193, 0x0054, 'Phantom'],
  ['Advantech', 10297, 0x3393, 'MIC-3393'],
  ['Advantech 0x6000', 10297, 0x6000, 'CGS-6000'],
  ['ADLINK', 24339, 0x3100, 'aTCA-3100'],
  ['ADLINK 0x6000 (same ID as Advantech, other name)', 24339, 0x6000, 'VPX6000'],
  ['Supermicro first entry', 10876, 0x0001, 'X8DT3/i/-LN4'],
  ['Supermicro', 10876, 0x0667, 'X9DRL-3/iF'],
  ['Supermicro', 10876, 0x0806, 'X10SLM-LN4F'],
  ['Supermicro', 10876, 0x0969, 'A2SDi-HLN4F'],
  ['Supermicro last entry', 10876, 0xf580, 'X8ST3'],
  ['Supermicro ID not in the table', 10876, 0x0000, undefined],
  ['YADRO', 49769, 0x0014, 'VEGMAN Series BMC'],
  // twice in ipmitool's table: the first name wins
  ['Supermicro 0x061E (twice)', 10876, 0x061e, 'B8DTT-AI034'],
  ['Supermicro 0x0820 (twice)', 10876, 0x0820, 'A1SAM'],
  ['ADLINK 0x9700 (twice)', 24339, 0x9700, 'aTCA-9700'],
  // vendors ipmitool 1.8.19 names no product of
  ['Dell', 674, 0x0100, undefined],
  ['HPE', 47196, 0x2000, undefined],
  ['HP', 11, 0x2000, undefined],
  ['Lenovo', 19046, 0x0454, undefined],
  ['Inspur', 37945, 0x0202, undefined],
  ['Huawei', 2011, 0x0001, undefined],
  ['Quanta', 7244, 0x0da9, undefined],
  ['Fujitsu', 10368, 0x0123, undefined],
  ['Cisco', 5771, 0x0001, undefined],
  // a Supermicro product ID under another manufacturer: no match
  ['Dell with a Supermicro product ID', 674, 0x0000, undefined],
  ['lab ipmi_sim (OpenIPMI example BMC)', 0x1291, 0x0f02, undefined],
];

describe('productName: ipmitool 1.8.19 product table', () => {
  it.each(KNOWN)('%s: manufacturer %d product %d', (_v, m, p, name) => {
    expect(productName(m, p)).toBe(name);
  });

  it('carries the whole table: 831 entries, 813 distinct pairs, Supermicro 656', () => {
    const all = OEM_PRODUCT_TABLE.flatMap(([m, ps]) => ps.map(([p]) => m * 0x10000 + p));
    expect(all).toHaveLength(831);
    expect(new Set(all).size).toBe(813);
    expect(OEM_PRODUCT_TABLE.find(([m]) => m === IANA.SUPERMICRO)![1]).toHaveLength(656);
  });

  it('every entry is a 16-bit product ID with a printable name', () => {
    for (const [m, ps] of OEM_PRODUCT_TABLE)
      for (const [p, n] of ps) {
        expect(Number.isInteger(p) && p >= 0 && p <= 0xffff, `${m}/${p}`).toBe(true);
        expect(n).toMatch(/^[\x20-\x7e]+$/);
      }
  });

  it("ipmitool's debugging entry needs the 24-bit ID (Get Device ID's 20-bit decode never yields it)", () => {
    expect(productName(0xfffffe, 0x1234)).toBe('Great Debuggable BMC');
    expect(productName(0xfffffe & 0x0fffff, 0x1234)).toBeUndefined();
  });
});
