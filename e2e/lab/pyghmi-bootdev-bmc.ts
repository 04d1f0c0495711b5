// Starts pyghmi-bootdev-bmc.py: a second, independent BMC with the chassis commands ipmi_sim lacks
// (power restore policy, POH counter, restart cause), full boot flags, and Cold/Warm Reset followed by a
// silent restart of `resetDownSeconds`. RMCP+ only (pyghmi's server).
import { startPyghmiPeer, type PyghmiPeer } from './pyghmi-peer';

export type PyghmiChassisBmc = PyghmiPeer;

export function startPyghmiChassisBmc(
  opts: { poh?: number; resetDownSeconds?: number } = {},
): Promise<PyghmiChassisBmc> {
  return startPyghmiPeer('pyghmi-bootdev-bmc.py', [
    '--poh',
    String(opts.poh ?? 12345),
    '--reset-down',
    String(opts.resetDownSeconds ?? 5),
  ]);
}
