// Every CLI command family. Each family lives in its own file next to this one.
import type { CliCommand } from '../context';
import { firewallCommand } from './firewall';
import { selCommand } from './sel';
import { fruCommand } from './fru';
import { powerCommand } from './power';
import { chassisCommand } from './chassis';
import { mcCommand, bmcCommand } from './mc';
import { rawCommand } from './raw';
import { sdrCommand } from './sdr';
import { sensorCommand } from './sensor';
import { userCommand } from './user';
import { channelCommand } from './channel';
import { lanCommand } from './lan';
import { solCommand } from './sol';
import { isolCommand } from './isol';
import { sessionCommand } from './session';
import { pefCommand } from './pef';
import { eventCommand } from './event';

export const commands: CliCommand[] = [
  firewallCommand,
  selCommand,
  fruCommand,
  powerCommand,
  chassisCommand,
  mcCommand,
  bmcCommand,
  rawCommand,
  sdrCommand,
  sensorCommand,
  userCommand,
  channelCommand,
  lanCommand,
  solCommand,
  isolCommand,
  sessionCommand,
  pefCommand,
  eventCommand,
];

export function findCommand(name: string): CliCommand | undefined {
  return commands.find((c) => c.name === name);
}
