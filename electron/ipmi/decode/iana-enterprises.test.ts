// Known answers for `mc info`'s Manufacturer Name: IPMI's reserved values, the built-in table (spelled
// as IANA's registry, 2024-05-16, spells them) and IANA's registry text format as ipmitool reads it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ENTERPRISES, manufacturerName, parseIanaRegistry } from './iana-enterprises';

const REGISTRY_SAMPLE = [
  'PRIVATE ENTERPRISE NUMBERS',
  '',
  '| | | |',
  '0',
  '  Reserved',
  '    Internet Assigned Numbers Authority',
  '      iana&iana.org',
  '674',
  '  Dell Inc.',
  '    David L. Douglas',
  '      david_l_douglas&dell.com',
  '10876',
  '  Super Micro Computer Inc.\r',
  '    Hideto Amano',
  '99999',
  '   three blanks is not a name',
  '',
].join('\n');

describe('manufacturerName', () => {
  it.each([
    [0, 'Unknown'],
    [0x0fffff, 'Unspecified'],
    [674, 'Dell Inc.'],
    [10876, 'Super Micro Computer Inc.'],
    [47196, 'Hewlett Packard Enterprise'],
    [19046, 'Lenovo Enterprise Business Group'],
    [343, 'Intel Corporation'],
    [37945, 'Inspur(BeiJing) Electronic Information Industry Co.,Ltd'],
    [2011, 'HUAWEI Technology Co.,Ltd'],
    [7244, 'Quanta Computer Inc.'],
    [10368, "Fujitsu Technology Solutions GmbH (formerly 'Fujitsu Siemens Computers')"],
    [5771, 'Cisco Systems, Inc.'],
    [0xfffffe, 'A Debug Assisting Company, Ltd.'],
    // the lab ipmi_sim's manufacturer (OpenIPMI's example BMC)
    [0x1291, 'MontaVista Software, Inc.'],
    [99999, undefined],
  ])('%d -> %s (built-in)', (id, name) => expect(manufacturerName(id)).toBe(name));

  it('the registry wins over the built-in table, IPMI reserved values over both', () => {
    const reg = new Map([
      [674, 'Dell (registry)'],
      [0, 'Reserved'],
    ]);
    expect(manufacturerName(674, reg)).toBe('Dell (registry)');
    expect(manufacturerName(0, reg)).toBe('Unknown');
  });
});

describe('parseIanaRegistry', () => {
  it('takes the two-blank line after a number line, strips CR, skips other indents', () => {
    expect([...parseIanaRegistry(REGISTRY_SAMPLE)]).toEqual([
      [0, 'Reserved'],
      [674, 'Dell Inc.'],
      [10876, 'Super Micro Computer Inc.'],
    ]);
  });

  it.skipIf(!existsSync('/usr/share/misc/enterprise-numbers.txt'))(
    "every built-in name is spelled as this machine's IANA registry spells it (skipped without the registry)",
    () => {
      const reg = parseIanaRegistry(readFileSync('/usr/share/misc/enterprise-numbers.txt', 'latin1'));
      for (const [id, name] of BUILTIN_ENTERPRISES) expect(reg.get(id), String(id)).toBe(name);
    },
  );
});
