// The CLI as a function, so tests run it in-process and bin/bmcdesk runs it as a process.
import { IpmiError } from '../ipmi/errors';
import { connect, type IpmiSession } from '../ipmi/client/connect';
import type { CliContext } from './context';
import { UsageError } from './context';
import { commands, findCommand } from './commands/index';
import { parseArgs } from './options';
import type { Requester } from '../ipmi/client/requester';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** An already open session (the app's session pool, the benchmark): commands run on it, and it is
   *  left open. The connection options in argv must still name the host. */
  session?: Requester;
  /** see CliContext.readSecret */
  readSecret?: (prompt: string) => Promise<string | undefined>;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let session: IpmiSession | undefined;
  try {
    const parsed = parseArgs(argv, io.env);
    for (const w of parsed.warnings) io.stderr(w + '\n');
    const [name, ...rest] = parsed.command;
    if (!name) throw new UsageError(`No command given. Commands: ${commands.map((c) => c.name).join(', ')}`);
    const command = findCommand(name);
    if (!command) throw new UsageError(`Invalid command: ${name}`);
    let opening: Promise<IpmiSession> | undefined;
    const ctx: CliContext = {
      options: parsed.options,
      session: () => {
        if (io.session) return Promise.resolve(io.session as IpmiSession);
        opening ??= connect(parsed.options).then((s) => (session = s));
        return opening;
      },
      out: io.stdout,
      err: io.stderr,
      env: io.env,
      verbose: parsed.verbose,
      csv: parsed.csv,
      lun: parsed.lun,
      ...(io.readSecret && { readSecret: io.readSecret }),
    };
    return await command.run(ctx, rest);
  } catch (e) {
    io.stderr(errorLine(e) + '\n');
    return 1;
  } finally {
    if (session) await session.close().catch(() => undefined);
  }
}

/** One line naming the host and the cause. */
export function errorLine(e: unknown): string {
  if (e instanceof IpmiError) return `Error: ${e.message}`;
  if (e instanceof UsageError) return e.message;
  return `Error: ${e instanceof Error ? e.message : String(e)}`;
}
