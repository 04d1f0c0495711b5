// `bmcdesk power status|on|off|cycle|reset|diag|soft` (ipmitool `power`, the same as `chassis power`).
import type { CliCommand, CliContext } from '../context';
import { chassisControl, type ChassisControlAction } from '../../ipmi/commands/chassis/chassis-control';
import { readChassisStatusView } from '../../views/chassis';
import { formatPowerControl, formatPowerStatus, POWER_CONTROL_TEXT } from '../format/chassis';
import { orRefusal } from './cc-failure';

export const POWER_USAGE = 'chassis power Commands: status, on, off, cycle, reset, diag, soft\n';

const ACTIONS: Record<string, ChassisControlAction> = {
  up: 'power-up',
  on: 'power-up',
  down: 'power-down',
  off: 'power-down',
  cycle: 'power-cycle',
  reset: 'hard-reset',
  diag: 'diag-interrupt',
  acpi: 'soft-shutdown',
  soft: 'soft-shutdown',
};

/** Shared by `power <sub>` and `chassis power <sub>`. */
export async function runPower(ctx: CliContext, sub: string | undefined): Promise<number> {
  if (sub === undefined || sub === 'help') {
    ctx.err(POWER_USAGE);
    return 0;
  }
  if (sub === 'status') {
    const r = await ctx.session();
    const res = await orRefusal(ctx, 'Get Chassis Power Status failed', () => readChassisStatusView(r));
    if (!('value' in res)) return 1;
    ctx.out(formatPowerStatus(res.value.power === 'on'));
    return 0;
  }
  const action = Object.hasOwn(ACTIONS, sub) ? ACTIONS[sub] : undefined;
  if (!action) {
    ctx.err(`Invalid chassis power command: ${sub}\n`);
    return 1;
  }
  const r = await ctx.session();
  const res = await orRefusal(ctx, `Set Chassis Power Control to ${POWER_CONTROL_TEXT[action]} failed`, () =>
    chassisControl(r, action),
  );
  if (!('value' in res)) return 1;
  ctx.out(formatPowerControl(action));
  return 0;
}

export const powerCommand: CliCommand = {
  name: 'power',
  usage: POWER_USAGE,
  run: (ctx, args) => runPower(ctx, args[0]),
};
