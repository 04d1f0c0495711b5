// `sol` family: configuration (info, set) lives in sol-config.ts. Console sub-commands (activate,
// deactivate, payload, looptest) belong to the SOL payload module; until it registers them here they
// print the usage, as ipmitool does for a sub-command it does not know.
import type { CliCommand, CliContext } from '../context';
import { solInfo, solSet } from './sol-config';

const USAGE = `SOL Commands: info [<channel number>]
              set <parameter> <value> [channel]
              payload <enable|disable|status> [channel] [userid]
              activate [<usesolkeepalive|nokeepalive>] [instance=<number>]
              deactivate [instance=<number>]
              looptest [<loop times> [<loop interval(in ms)> [<instance>]]]
`;

function usage(ctx: CliContext, status: number): number {
  ctx.err(USAGE);
  return status;
}

export const solCommand: CliCommand = {
  name: 'sol',
  usage: USAGE,
  async run(ctx, args) {
    const sub = args[0];
    if (sub === undefined || sub === 'help') return usage(ctx, 0);
    if (sub === 'info') return solInfo(ctx, args, () => usage(ctx, 1));
    if (sub === 'set') return solSet(ctx, args);
    return usage(ctx, 1);
  },
};
