// The handler table: contract → handlers. TypeScript checks it is complete (Handlers is a mapped type
// over every call); contract.test.ts checks the same at run time.
import type { Handlers } from './dispatch';
import type { AppServices } from './handlers/context';
import { appHandlers } from './handlers/app';
import { hostsHandlers } from './handlers/hosts';
import { credentialsHandlers } from './handlers/credentials';
import { sessionHandlers } from './handlers/session';
import { powerHandlers } from './handlers/power';
import { mcHandlers } from './handlers/mc';
import { fleetHandlers } from './handlers/fleet';
import { selHandlers } from './handlers/sel';
import { sensorsHandlers } from './handlers/sensors';
import { fruHandlers } from './handlers/fru';
import { firewallHandlers } from './handlers/firewall';
import { lanHandlers } from './handlers/lan';
import { solHandlers } from './handlers/sol';
import { channelHandlers } from './handlers/channel';
import { sessionInfoHandlers } from './handlers/session-info';
import { chassisHandlers } from './handlers/chassis';
import { usersHandlers } from './handlers/users';
import { rawHandlers } from './handlers/raw';
import { hostStatusHandlers } from './handlers/host-status';

export function createHandlers(s: AppServices): Handlers {
  return {
    ...appHandlers(s),
    ...hostsHandlers(s),
    ...credentialsHandlers(s),
    ...sessionHandlers(s),
    ...powerHandlers(s),
    ...mcHandlers(s),
    ...fleetHandlers(s),
    ...selHandlers(s),
    ...sensorsHandlers(s),
    ...fruHandlers(s),
    ...firewallHandlers(s),
    ...lanHandlers(s),
    ...solHandlers(s),
    ...channelHandlers(s),
    ...sessionInfoHandlers(s),
    ...chassisHandlers(s),
    ...usersHandlers(s),
    ...rawHandlers(s),
    ...hostStatusHandlers(s),
  };
}
