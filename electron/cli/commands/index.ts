// Every CLI command family. Each family lives in its own file next to this one.
import type { CliCommand } from '../context';

export const commands: CliCommand[] = [];

export function findCommand(name: string): CliCommand | undefined {
  return commands.find((c) => c.name === name);
}
