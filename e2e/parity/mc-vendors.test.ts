// Parity: `mc info` on lab BMCs that report the manufacturer and product IDs of real server boards
// (ipmi_sim's `mc_add` set through startLabBmc({ deviceId })), ipmitool 1.8.19 and bmcdesk side by side,
// byte for byte. The expected Product Name is also asserted, so two tools agreeing on a wrong name
// would still fail. ipmitool 1.8.19 names products only for Intel, Supermicro, Kontron, Advantech,
// ADLINK, Broadcom, Ericsson and YADRO; for Dell, HPE, Lenovo, ... it prints "Unknown (0x....)".
// The manufacturer names come from the IANA registry both tools read (/usr/share/misc/enterprise-numbers.txt).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool, startLabBmc, type LabBmc } from '../lab/bmc-lab';
import { runBmcdesk } from './run-bmcdesk';

const VENDORS: [name: string, manufacturerId: number, productId: number, productName: string][] = [
  ['Supermicro X10SLM-LN4F', 10876, 0x0806, 'X10SLM-LN4F'],
  // listed twice in ipmitool's table ("B8DTT-AI034", then "X9SCL"): the first wins
  ['Supermicro 0x061E (repeated entry)', 10876, 0x061e, 'B8DTT-AI034'],
  ['Intel S5000PAL', 343, 0x0028, 'S5000PAL'],
  ['Kontron AM4000 (decimal ID in the table)', 15000, 4000, 'AM4000 AdvancedMC'],
  ['Dell (no product names in ipmitool)', 674, 0x0100, 'Unknown (0x100)'],
  ['HPE (no product names in ipmitool)', 47196, 0x2001, 'Unknown (0x2001)'],
];

const bmcs = new Map<string, LabBmc>();
beforeAll(async () => {
  // one private BMC per vendor, started together; none of them is the shared lab BMC
  await Promise.all(
    VENDORS.map(async ([name, manufacturerId, productId]) => {
      bmcs.set(name, await startLabBmc({ satellite: false, deviceId: { manufacturerId, productId } }));
    }),
  );
}, 120_000);
afterAll(async () => {
  await Promise.all([...bmcs.values()].map((b) => b.stop()));
});

describe('mc info on vendor boards, parity with ipmitool 1.8.19', () => {
  it.each(VENDORS)('%s', async (name, manufacturerId, productId, productName) => {
    const bmc = bmcs.get(name)!;
    const [theirs, ours] = await Promise.all([
      ipmitool(bmc, ['mc', 'info']),
      runBmcdesk(bmc.port, ['mc', 'info']),
    ]);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(theirs.stdout).toContain(`Manufacturer ID           : ${manufacturerId}\n`);
    expect(theirs.stdout).toContain(`Product ID                : ${productId} (0x`);
    expect(theirs.stdout).toContain(`Product Name              : ${productName}\n`);
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stderr).toBe(theirs.stderr);
    expect(ours.code).toBe(theirs.code);
  });

  it('-c changes nothing in mc info (ipmitool has no CSV form of it)', async () => {
    const bmc = bmcs.get(VENDORS[0]![0])!;
    const [theirs, ours] = await Promise.all([
      ipmitool(bmc, ['-c', 'mc', 'info']),
      runBmcdesk(bmc.port, ['-c', 'mc', 'info']),
    ]);
    expect(theirs.stdout).toContain('Product Name              : X10SLM-LN4F\n');
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.code).toBe(theirs.code);
  });
});
