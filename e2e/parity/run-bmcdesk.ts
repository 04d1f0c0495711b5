// Our CLI run in-process against a lab BMC with the options the lab's ipmitool runner uses
// (lanplus, suite 3, -E with the password in the environment, never on argv), and the two side by side.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { ipmitool, LAB_USERS, type LabUser, type ToolResult } from '../lab/bmc-lab';

const PRIV: Record<LabUser['privilege'], string> = {
  user: 'USER',
  operator: 'OPERATOR',
  administrator: 'ADMINISTRATOR',
};

export interface BmcdeskOptions {
  user?: LabUser;
  /** IPMI_PASSWORD; default the user's own */
  password?: string;
  /** the options before -H; default `-I lanplus -C 3` */
  transport?: string[];
  env?: Record<string, string>;
  /** answers to the CLI's secret prompts, in order */
  secrets?: string[];
}

/** `bmcdesk <transport> -H 127.0.0.1 -p <port> -U <user> -L <its privilege> -E <args>`, in-process. */
export async function runBmcdesk(
  port: number,
  args: string[],
  opts: BmcdeskOptions = {},
): Promise<ToolResult> {
  const user = opts.user ?? LAB_USERS.admin;
  let stdout = '';
  let stderr = '';
  const secrets = [...(opts.secrets ?? [])];
  const argv = [
    ...(opts.transport ?? ['-I', 'lanplus', '-C', '3']),
    '-H',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    user.name,
    '-L',
    PRIV[user.privilege],
    '-E',
  ];
  const code = await runCli([...argv, ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { IPMI_PASSWORD: opts.password ?? user.password, ...opts.env },
    ...(opts.secrets && { readSecret: async () => secrets.shift() }),
  });
  return { stdout, stderr, code };
}

/** ipmitool 1.8.19 and bmcdesk, run at the same time with the same arguments and extra environment. */
export async function runSideBySide(
  bmc: { port: number },
  args: string[],
  env: Record<string, string> = {},
): Promise<{ theirs: ToolResult; ours: ToolResult }> {
  const [theirs, ours] = await Promise.all([
    ipmitool(bmc, args, { env }),
    runBmcdesk(bmc.port, args, { env }),
  ]);
  return { theirs, ours };
}

/** A fresh SDR cache directory for this test file (BMCDESK_SDR_CACHE_DIR), removed after it. */
export function tempSdrCacheDir(): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bmcdesk-sdr-parity-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
