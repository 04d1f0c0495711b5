// What a CLI command gets: the parsed connection options, a lazily opened session, and output sinks.
// Commands print exactly what ipmitool prints; errors go to stderr as one line naming host and cause.
import type { Requester } from '../ipmi/client/requester';
import type { ConnectOptions } from '../ipmi/client/connect';
import type { SdrRecord } from '../ipmi/decode/sdr/sdr-record';

export interface CliContext {
  readonly options: ConnectOptions;
  /** Opens the session on first use; later calls return the same session. */
  session(): Promise<Requester>;
  out(text: string): void;
  err(text: string): void;
  /** the environment the CLI was started with (TZ for dates, as ipmitool reads it) */
  readonly env?: Record<string, string | undefined>;
  /** number of -v options */
  readonly verbose?: number;
  /** -c: ipmitool's CSV output, for the commands that have one */
  readonly csv?: boolean;
  /** -l: responder LUN for `raw` (default 0) */
  readonly lun?: number;
  /** -S FILE: the file's records once the session has opened; undefined without -S or when the
   *  file could not be opened (then, as in ipmitool, the SDR comes from the BMC) */
  readonly sdrFromFile?: () => SdrRecord[] | undefined;
  /** --no-cache before the command name: every SDR read of the run goes to the BMC */
  readonly noSdrCache?: boolean;
  /** Asks for a secret (terminal without echo, or one line of piped stdin); undefined if there is no way to ask. */
  readonly readSecret?: (prompt: string) => Promise<string | undefined>;
}

/** A CLI command family ("chassis", "user", ...). Returns the process exit status (0 ok, 1 failure). */
export interface CliCommand {
  readonly name: string;
  /** one line per sub-command, printed by `bmcdesk <name> help` */
  readonly usage: string;
  run(ctx: CliContext, args: string[]): Promise<number>;
}

/** Thrown by a command for a usage error; printed to stderr with the family's usage, exit 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
