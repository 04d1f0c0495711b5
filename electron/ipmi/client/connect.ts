// Public entry point of the stack: open an IPMI-over-LAN session to one BMC.
import type { ConnectOptions, IpmiSession } from './session-types';
import { IpmiError } from '../errors';
import { Session } from './session';

export {
  PRIVILEGE_LEVEL,
  type AuthTypeName,
  type BridgeTarget,
  type CloseOptions,
  type ConnectOptions,
  type IpmiSession,
  type PrivilegeName,
  type SessionInfo,
} from './session-types';

export async function connect(options: ConnectOptions): Promise<IpmiSession> {
  if (!options.host) throw new IpmiError('argument', 'no BMC host given');
  const session = new Session(options);
  try {
    await session.open();
  } catch (e) {
    await session.close();
    throw e;
  }
  return session;
}
