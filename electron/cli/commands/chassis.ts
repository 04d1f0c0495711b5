// `bmcdesk chassis ...` with ipmitool 1.8.19's syntax, text and exit status (lib/ipmi_chassis.c
// ipmi_chassis_main). Arguments are checked before the session is opened.
import type { CliCommand, CliContext } from '../context';
import { chassisIdentify, type IdentifyRequest } from '../../ipmi/commands/chassis/chassis-identify';
import { readChassisStatusView, readPowerOnHoursView, readRestartCauseView } from '../../views/chassis';
import {
  getSupportedPowerRestorePolicies,
  setPowerRestorePolicy,
  type SettablePowerRestorePolicy,
} from '../../ipmi/commands/chassis/set-power-restore-policy';
import { getSelfTestResults } from '../../ipmi/commands/app/get-self-test-results';
import {
  formatChassisStatus,
  formatIdentify,
  formatPoh,
  formatPolicySet,
  formatRestartCause,
  formatSupportedPolicies,
} from '../format/chassis';
import { str2uchar } from '../str2uchar';
import { orRefusal } from './cc-failure';
import { runPower } from './power';
import { runBootdev, runBootparam } from './chassis-boot';

export const CHASSIS_USAGE =
  'Chassis Commands:\n  status, power, policy, restart_cause\n  poh, identify, selftest,\n  bootdev, bootparam, bootmbox\n';

const IDENTIFY_USAGE = [
  'chassis identify <interval>',
  '                 default is 15 seconds',
  '                 0 to turn off',
  '                 force to turn on indefinitely',
]
  .map((l) => l + '\n')
  .join('');

const POLICY_USAGE = [
  'chassis policy <state>',
  '   list        : return supported policies',
  '   always-on   : turn on when power is restored',
  '   previous    : return to previous state when power is restored',
  '   always-off  : stay off after power is restored',
]
  .map((l) => l + '\n')
  .join('');

async function status(ctx: CliContext): Promise<number> {
  const r = await ctx.session();
  const res = await orRefusal(ctx, 'Error sending Chassis Status command', () => readChassisStatusView(r));
  if (!('value' in res)) return 1;
  ctx.out(formatChassisStatus(res.value));
  return 0;
}

async function identify(ctx: CliContext, arg: string | undefined): Promise<number> {
  let req: IdentifyRequest = { kind: 'default' };
  if (arg === 'help') {
    ctx.err(IDENTIFY_USAGE);
    return 1;
  }
  if (arg === 'force') req = { kind: 'force-on' };
  else if (arg !== undefined) {
    const n = str2uchar(arg);
    if (!n.ok) {
      ctx.err(n.reason === 'invalid' ? 'Invalid interval given.\n' : 'Given interval is too big.\n');
      return 1;
    }
    req = { kind: 'interval', seconds: n.value };
  }
  const r = await ctx.session();
  const res = await orRefusal(ctx, 'Set Chassis Identify failed', () => chassisIdentify(r, req));
  if (!('value' in res)) {
    // Byte 2 (force) is optional in the spec; ipmitool warns rather than guessing.
    if (req.kind === 'force-on') ctx.err('Chassis may not support Force Identify On\n\n');
    return 1;
  }
  ctx.out(formatIdentify(req));
  return 0;
}

async function policy(ctx: CliContext, arg: string | undefined): Promise<number> {
  if (arg === undefined || arg === 'help') {
    ctx.err(POLICY_USAGE);
    return 1;
  }
  const settable: SettablePowerRestorePolicy[] = ['always-on', 'previous', 'always-off'];
  if (arg !== 'list' && !settable.includes(arg as SettablePowerRestorePolicy)) {
    ctx.err(`Invalid chassis policy: ${arg}\n`);
    return 1;
  }
  const r = await ctx.session();
  if (arg === 'list') {
    const res = await orRefusal(ctx, 'Power Restore Policy command failed', () =>
      getSupportedPowerRestorePolicies(r),
    );
    if (!('value' in res)) return 1;
    ctx.out(formatSupportedPolicies(res.value));
    return 0;
  }
  const p = arg as SettablePowerRestorePolicy;
  const res = await orRefusal(ctx, 'Power Restore Policy command failed', () => setPowerRestorePolicy(r, p));
  if (!('value' in res)) return 1;
  ctx.out(formatPolicySet(p));
  return 0;
}

async function selftest(ctx: CliContext): Promise<number> {
  const r = await ctx.session();
  const res = await orRefusal(ctx, 'Error sending Get Self Test command', () => getSelfTestResults(r));
  if (!('value' in res)) return 1;
  const t = res.value;
  const broken = [
    'firmware corrupted',
    'boot block corrupted',
    'FRU Internal Use Area corrupted',
    'SDR Repository empty',
    'IPMB not responding',
    'cannot access BMC FRU',
    'cannot access SDR Repository',
    'cannot access SEL Device',
  ];
  const h = (n: number) => n.toString(16).padStart(2, '0');
  let text = 'Self Test Results    : ';
  if (t.code === 0x55) text += 'passed\n';
  else if (t.code === 0x56) text += 'not implemented\n';
  else if (t.code === 0x57) {
    text += 'device error\n';
    broken.forEach((b, i) => {
      if (t.detail & (1 << i)) text += `                       [${b}]\n`;
    });
  } else if (t.code === 0x58) text += `Fatal hardware error: ${h(t.detail)}h\n`;
  else text += `Device-specific failure ${h(t.code)}h:${h(t.detail)}h\n`;
  ctx.out(text);
  return 0;
}

async function simpleRead<T>(
  ctx: CliContext,
  prefix: string,
  read: () => Promise<T>,
  format: (v: T) => string,
): Promise<number> {
  const res = await orRefusal(ctx, prefix, read);
  if (!('value' in res)) return 1;
  ctx.out(format(res.value));
  return 0;
}

export async function runChassis(ctx: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case undefined:
    case 'help':
      ctx.err(CHASSIS_USAGE);
      return 1;
    case 'status':
      return status(ctx);
    case 'selftest':
      return selftest(ctx);
    case 'power':
      return runPower(ctx, rest[0]);
    case 'identify':
      return identify(ctx, rest[0]);
    case 'poh': {
      const r = await ctx.session();
      return simpleRead(ctx, 'Get Chassis Power-On-Hours failed', () => readPowerOnHoursView(r), formatPoh);
    }
    case 'restart_cause': {
      const r = await ctx.session();
      return simpleRead(
        ctx,
        'Get Chassis Restart Cause failed',
        () => readRestartCauseView(r),
        formatRestartCause,
      );
    }
    case 'policy':
      return policy(ctx, rest[0]);
    case 'bootparam':
      return runBootparam(ctx, rest);
    case 'bootdev':
      return runBootdev(ctx, rest);
    default:
      // bootmbox (the boot initiator mailbox) is not implemented: reported like any unknown command.
      ctx.err(`Invalid chassis command: ${sub}\n`);
      return 1;
  }
}

export const chassisCommand: CliCommand = { name: 'chassis', usage: CHASSIS_USAGE, run: runChassis };
