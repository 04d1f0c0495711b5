// Starts pyghmi-plain-bmc.py: pyghmi's software BMC as it ships (the engine of OpenStack VirtualBMC),
// for the login behaviour other BMCs do not show: every Open Session is answered with suite 3's
// algorithms whatever was proposed, and a RAKP 1 naming an unknown user is ignored (no RAKP 2).
import { LAB_USERS } from './lab-users';
import { startPyghmiPeer, type PyghmiPeer } from './pyghmi-peer';

export type PyghmiPlainBmc = PyghmiPeer;

/** pyghmi knows only the users it is given (no disabled accounts): the lab's admin and operator. */
export const PYGHMI_PLAIN_USERS = [LAB_USERS.admin, LAB_USERS.operator] as const;

export function startPyghmiPlainBmc(): Promise<PyghmiPlainBmc> {
  return startPyghmiPeer('pyghmi-plain-bmc.py', [], { users: PYGHMI_PLAIN_USERS });
}
