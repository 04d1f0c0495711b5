// Parity: `ipmitool` 1.8.19 and `bmcdesk` (runCli in-process) run the same chassis / power / mc / raw
// reads against the same lab BMC, over lanplus with suite 3, lanplus with the suite negotiated, and
// IPMI 1.5 `-I lan`. stdout, stderr and the exit status must be identical unless a difference is listed
// in KNOWN_DIFFERENCES below with its reason.
import { describe, expect, it } from 'vitest';
import { LAB_USERS, ipmitool, type ToolResult } from '../lab/bmc-lab';
import { run } from '../lab/ipmi-tools';
import { sharedLabBmc } from '../lab/shared-lab';
import { runBmcdesk } from './run-bmcdesk';

type Variant = { name: string; ipmitool: { iface: 'lanplus' | 'lan'; cipher?: number }; argv: string[] };

const VARIANTS: Variant[] = [
  { name: 'lanplus -C 3', ipmitool: { iface: 'lanplus', cipher: 3 }, argv: ['-I', 'lanplus', '-C', '3'] },
  { name: 'lan (IPMI 1.5)', ipmitool: { iface: 'lan' }, argv: ['-I', 'lan'] },
  { name: 'lanplus, suite negotiated', ipmitool: { iface: 'lanplus' }, argv: ['-I', 'lanplus'] },
];

const READS: string[][] = [
  ['power', 'status'],
  ['chassis', 'status'],
  ['mc', 'info'],
  ['raw', '0x06', '0x01'],
  ['mc', 'guid'],
  ['chassis', 'poh'],
  ['chassis', 'restart_cause'],
  ['chassis', 'policy', 'list'],
  ['mc', 'getenables'],
  ['mc', 'selftest'],
  ['raw', '0x06', '0x55'],
  ['chassis', 'bootparam', 'get', '5'],
];

/**
 * ipmitool's auto suite selection sends Get Channel Cipher Suites before the session; ipmi_sim never
 * answers it, so ipmitool waits ~10 s, prints this line, falls back to suite 3 and carries on. We take
 * the session the RMCP+ way (no pre-session probe), so the line has no counterpart in our output.
 */
const AUTO_SUITE_NOTICE = 'Unable to Get Channel Cipher Suites\n';

function ours(port: number, variant: Variant, args: string[]): Promise<ToolResult> {
  return runBmcdesk(port, args, { transport: variant.argv });
}

async function theirs(port: number, variant: Variant, args: string[]): Promise<ToolResult> {
  // The lab runner always passes -C for lanplus; the negotiated variant must not pass it at all.
  if (variant.name.includes('negotiated')) return ipmitoolWithoutSuite(port, args);
  return ipmitool({ port }, args, variant.ipmitool);
}

/** `ipmitool -I lanplus` with no -C: 1.8.19 then picks the suite itself. */
async function ipmitoolWithoutSuite(port: number, args: string[]): Promise<ToolResult> {
  const u = LAB_USERS.admin;
  return run(
    'ipmitool',
    [
      '-I',
      'lanplus',
      '-H',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      u.name,
      '-L',
      'ADMINISTRATOR',
      '-E',
      ...args,
    ],
    { ...process.env, IPMI_PASSWORD: u.password },
    60_000,
  );
}

describe.each(VARIANTS)('parity over $name', (variant) => {
  const bmc = sharedLabBmc();
  // The negotiated-suite variant costs ipmitool ~10 s per run against ipmi_sim: run them side by side.
  it.concurrent.each(READS.map((a) => [a.join(' '), a] as const))('%s', async (_, args) => {
    const [want, got] = await Promise.all([theirs(bmc.port, variant, args), ours(bmc.port, variant, args)]);
    const wantErr = variant.name.includes('negotiated')
      ? want.stderr.replace(AUTO_SUITE_NOTICE, '')
      : want.stderr;
    if (variant.name.includes('negotiated')) expect(want.stderr).toContain(AUTO_SUITE_NOTICE);
    expect({ stdout: got.stdout, stderr: got.stderr, code: got.code }).toEqual({
      stdout: want.stdout,
      stderr: wantErr,
      code: want.code,
    });
    // Every read must have produced something: a parity test of two empty outputs proves nothing.
    expect(want.stdout + wantErr).not.toBe('');
  });
});
