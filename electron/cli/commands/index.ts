// Every CLI command family. Each family lives in its own file next to this one.
import type { CliCommand } from '../context';
import { firewallCommand } from './firewall';
import { selCommand } from './sel';
import { fruCommand } from './fru';

export const commands: CliCommand[] = [firewallCommand, selCommand, fruCommand];

export function findCommand(name: string): CliCommand | undefined {
  return commands.find((c) => c.name === name);
}
