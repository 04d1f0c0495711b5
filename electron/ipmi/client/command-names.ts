// Spec names of commands, for error messages ("<host>: Get SDR failed: …"), from the one command
// registry (message/command-registry.ts); an unknown command is named by its NetFn and number.
import { commandEntry } from '../message/command-registry';

export function commandName(netFn: number, cmd: number): string {
  return (
    commandEntry(netFn, cmd)?.name ??
    `NetFn 0x${netFn.toString(16).padStart(2, '0')} command 0x${cmd.toString(16).padStart(2, '0')}`
  );
}
