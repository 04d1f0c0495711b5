// Our CLI run in-process against a lab BMC with the options the lab's ipmitool runner uses
// (lanplus, suite 3, -E with the password in the environment, never on argv).
import { runCli } from '../../electron/cli/run';
import { LAB_USERS, type LabUser } from '../lab/bmc-lab';

const PRIV: Record<LabUser['privilege'], string> = {
  user: 'USER',
  operator: 'OPERATOR',
  administrator: 'ADMINISTRATOR',
};

export interface BmcdeskOptions {
  user?: LabUser;
  env?: Record<string, string>;
  /** answers to the CLI's secret prompts, in order */
  secrets?: string[];
}

export async function runBmcdesk(port: number, args: string[], opts: BmcdeskOptions = {}) {
  const user = opts.user ?? LAB_USERS.admin;
  let stdout = '';
  let stderr = '';
  const secrets = [...(opts.secrets ?? [])];
  const argv = [
    '-I',
    'lanplus',
    '-C',
    '3',
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
    env: { IPMI_PASSWORD: user.password, ...opts.env },
    ...(opts.secrets && { readSecret: async () => secrets.shift() }),
  });
  return { stdout, stderr, code };
}
