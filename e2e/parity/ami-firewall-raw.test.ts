// Parity: `raw 0x32 0x77 …` (AMI Get Firewall) and a refused `raw 0x32 0x76 …` through ipmitool 1.8.19
// (`-I lanplus -C 3`) and our CLI in-process, against the pyghmi AMI firewall BMC in each of its Get
// layouts. ipmitool has no firewall command, so operators read the firewall with `raw`; whatever shape
// the BMC answers in, `bmcdesk raw` must print what ipmitool prints: same stdout, stderr, exit status.
// -C 3: logging in to pyghmi without -C depends on the stack branch (pyghmi answers suite 3's algorithms).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool } from '../lab/bmc-lab';
import { startAmiFirewallBmc, type AmiFirewallBmc, type AmiFirewallLayout } from '../lab/ami-firewall-bmc';
import { runBmcdesk } from './run-bmcdesk';

const CASES: string[][] = [
  ['raw', '0x32', '0x77', '0x00'], // count, AMI's own 1-byte form
  ['raw', '0x32', '0x77', '0x00', '0x00'], // count, [param, 0] (0xC7 on --layout v2)
  ['raw', '0x32', '0x77', '0x01', '0x00'], // the seed's documented form: entry 0
  ['raw', '0x32', '0x77', '0x01', '0x01'], // entry 1: a 22-byte reply in v1 --pad, 47 in v2
  ['raw', '0x32', '0x77', '0x01', '0x09'], // past the end: 0xC9
  ['raw', '0x32', '0x77', '0x02'], // is-block-all
  ['raw', '0x32', '0x76', '0x20', '0x00'], // an undocumented Set parameter: 0x80, nothing changes
];

const LAYOUTS: Array<[string, { layout: AmiFirewallLayout; pad?: boolean }]> = [
  ['v1', { layout: 'v1' }],
  ['v1 --pad', { layout: 'v1', pad: true }],
  ['v2', { layout: 'v2' }],
  ['opaque', { layout: 'opaque' }],
];

describe.each(LAYOUTS)('raw AMI firewall parity with ipmitool 1.8.19, --layout %s', (_name, opts) => {
  let bmc: AmiFirewallBmc;
  beforeAll(async () => {
    bmc = await startAmiFirewallBmc(opts);
    // two rules, set with ipmitool: ACCEPT 127.0.0.1, DROP TCP 22
    for (const set of [
      ['0x00', '0x01', '127', '0', '0', '1'],
      ['0x02', '0x00', '0x00', '0x16', '0x00'],
    ]) {
      const r = await ipmitool(bmc, ['raw', '0x32', '0x76', ...set], { user: bmc.users.admin });
      if (r.code !== 0) throw new Error(`setup failed: ${r.stderr}`);
    }
    expect(bmc.rules().rules).toHaveLength(2);
  });
  afterAll(async () => {
    await bmc?.stop();
  });

  it.each(CASES.map((c) => [c.join(' '), c] as const))('%s', async (_n, args) => {
    // one after the other: pyghmi keeps one session per client address and port
    const theirs = await ipmitool(bmc, args, { user: bmc.users.admin });
    const ours = await runBmcdesk(bmc.port, args, { user: bmc.users.admin });
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stderr).toBe(theirs.stderr);
    expect(ours.code).toBe(theirs.code);
    // and the BMC really answered in its dialect (so the comparison covers the interesting replies)
    const refusal = /rsp=0x([0-9a-f]{2})/.exec(theirs.stderr)?.[1];
    const expected =
      args[2] === '0x76'
        ? '80'
        : args[4] === '0x09'
          ? 'c9'
          : args.length === 5 && args[3] === '0x00' && opts.layout === 'v2'
            ? 'c7'
            : undefined;
    expect(refusal).toBe(expected);
    expect(bmc.rules().rules).toHaveLength(2);
  });
});
