// The CLI as a function, so tests run it in-process and bin/bmcdesk runs it as a process.
//
// Order of events, as in ipmitool's ipmi_main: options (-h, -V, -o list end the run), the -a prompt,
// `help` (the command list, no session), the -o type check, then the command. Unlike ipmitool, which
// logs in before it looks at the command, the session opens only when a command first needs the BMC:
// `<command> help`, an unknown command and `exec` of a file of comments cost no login.
import { IpmiError } from '../ipmi/errors';
import { connect, type ConnectOptions, type IpmiSession } from '../ipmi/client/connect';
import type { Requester } from '../ipmi/client/requester';
import type { CliContext } from './context';
import { UsageError } from './context';
import { commands, findCommand } from './commands/index';
import { CliExit, connectOptions, describedOptions, parseArgs, type SessionSettings } from './options';
import { commandListText, OEM_TYPES } from './help-text';
import { BATCH_COMMANDS, type Batch } from './batch';
import { readSdrFile, type SdrFile } from './commands/sdr-file';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** An already open session (the app's session pool, the benchmark): commands run on it, and it is
   *  left open. The connection options in argv must still name the host. */
  session?: Requester;
  /** see CliContext.readSecret */
  readSecret?: (prompt: string) => Promise<string | undefined>;
  /** `shell` input: shows the prompt, resolves with the next line, undefined at the end of input */
  readLine?: (prompt: string) => Promise<string | undefined>;
  /** for -V and the usage text (bin/bmcdesk passes package.json's) */
  version?: string;
  /** the program name getopt's messages and -V print (ipmitool prints its argv[0]); default bmcdesk */
  progname?: string;
}

/** Every command name this run can execute: the families and the batch commands. */
function commandNames(): string[] {
  return [...commands.map((c) => c.name), ...Object.keys(BATCH_COMMANDS).filter((n) => n !== 'echo')];
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let run: CliRun | undefined;
  try {
    const parsed = parseArgs(argv, io.env, {
      ...(io.progname !== undefined && { progname: io.progname }),
      ...(io.version !== undefined && { version: io.version }),
      commands: commandNames(),
    });
    for (const w of parsed.warnings) io.stderr(w + '\n');
    if (parsed.askPassword) {
      const p = await io.readSecret?.('Password: ');
      if (p !== undefined) parsed.settings.password = p;
    }
    const [name, ...rest] = parsed.command;
    if (name === 'help') {
      io.stderr(commandListText(commandNames()));
      return 0;
    }
    if (parsed.oemType !== undefined) {
      const failure = oemSetupFailure(parsed.oemType, io.env);
      if (failure) {
        io.stderr(failure);
        return 1;
      }
    }
    run = new CliRun(io, parsed.settings, parsed.verbose, parsed.csv ? 1 : 0, parsed.lun, {
      ...(parsed.sdrFile !== undefined && { file: parsed.sdrFile }),
      noCache: parsed.noSdrCache,
    });
    if (name === undefined) {
      io.stderr('No command provided!\n' + commandListText(commandNames()));
      return 1;
    }
    return await run.dispatch([name, ...rest]);
  } catch (e) {
    if (e instanceof CliExit) {
      if (e.stdout) io.stdout(e.stdout);
      if (e.stderr) io.stderr(e.stderr);
      return e.code;
    }
    io.stderr(errorLine(e) + '\n');
    return 1;
  } finally {
    await run?.close();
  }
}

/**
 * ipmitool's -o types are accepted by name. None changes what bmcdesk does: each one adjusts a detail
 * of ipmitool's own IPMI 1.5 or RMCP+ login (supermicro, quanta: OEM authentication; intelwv2, intelplus,
 * icts, i82571spt: session and integrity quirks), its SOL, or Kontron's big buffers (-z), none of which
 * bmcdesk's stack has. `ibm` needs IPMI_OEM_IBM_DATAFILE, as in ipmitool.
 */
function oemSetupFailure(type: string, env: Record<string, string | undefined>): string | undefined {
  const failed = `OEM setup for "${type}" failed\n`;
  if (!OEM_TYPES.some(([name]) => name === type)) return failed;
  if (type === 'ibm' && !env.IPMI_OEM_IBM_DATAFILE)
    return 'Unable to read IPMI_OEM_IBM_DATAFILE from environment\n' + failed;
  return undefined;
}

/** One run of the CLI: its settings (which `set` changes), and at most one open session at a time. */
class CliRun implements Batch {
  private current: { key: string; opening: Promise<IpmiSession> } | undefined;
  private failedKey: { key: string; error: unknown } | undefined;
  private prompting: Promise<string | undefined> | undefined;
  /** -S FILE, read once per run when the first session opens */
  private sdrFile: SdrFile | undefined;

  constructor(
    private readonly io: CliIo,
    readonly settings: SessionSettings,
    public verbose: number,
    public csv: number,
    private readonly lun: number,
    private readonly sdr: { file?: string; noCache: boolean } = { noCache: false },
  ) {}

  get loginFailed(): boolean {
    return this.failedKey !== undefined;
  }

  readonly out = (text: string): void => this.io.stdout(text);
  readonly err = (text: string): void => this.io.stderr(text);
  get readLine(): ((prompt: string) => Promise<string | undefined>) | undefined {
    return this.io.readLine;
  }

  commandList(): string {
    return commandListText(commandNames());
  }

  /** ipmitool's ipmi_cmd_run: a batch command, a command family, or "Invalid command". */
  async dispatch(args: string[]): Promise<number> {
    const [name, ...rest] = args;
    try {
      const batch = name === undefined ? undefined : BATCH_COMMANDS[name];
      if (batch && Object.hasOwn(BATCH_COMMANDS, name!)) return await batch(this, rest);
      const command = name === undefined ? undefined : findCommand(name);
      if (!command) {
        this.err(`Invalid command: ${name ?? ''}\n` + this.commandList());
        return 1;
      }
      return await command.run(this.context(), rest);
    } catch (e) {
      this.err(errorLine(e) + '\n');
      return 1;
    }
  }

  private context(): CliContext {
    let options;
    try {
      options = connectOptions(this.settings);
    } catch {
      options = describedOptions(this.settings);
    }
    return {
      options,
      session: () => this.session(),
      out: this.out,
      err: this.err,
      env: this.io.env,
      verbose: this.verbose,
      csv: this.csv !== 0,
      lun: this.lun,
      noSdrCache: this.sdr.noCache,
      ...(this.sdr.file !== undefined && { sdrFromFile: () => this.sdrFile?.records }),
      ...(this.io.readSecret && { readSecret: this.io.readSecret }),
    };
  }

  /** The session for the current settings: the open one if they have not changed since it opened.
   *  A bridge target (-t, `set targetaddr`) is a view of the session, so changing it costs no login. */
  private async session(): Promise<Requester> {
    if (this.io.session) return this.withSdrFile(this.io.session);
    await this.askPasswordIfMissing();
    const { target, ...options } = connectOptions(this.settings);
    const session = await this.login(options);
    return this.withSdrFile(target ? session.bridged(target) : session);
  }

  /** ipmitool reads -S FILE once, right after it has logged in, and prints its complaints then. */
  private withSdrFile(r: Requester): Requester {
    if (this.sdr.file !== undefined && this.sdrFile === undefined) {
      this.sdrFile = readSdrFile(this.sdr.file);
      if (this.sdrFile.messages) this.err(this.sdrFile.messages);
    }
    return r;
  }

  /** As ipmitool: a host without a password (and not auth type NONE) prompts "Password: ", here only
   *  once a command needs the BMC. Without a way to ask, connectOptions says what is missing. */
  private async askPasswordIfMissing(): Promise<void> {
    const s = this.settings;
    if (s.password !== undefined || !s.host || s.authType === 'none' || !this.io.readSecret) return;
    this.prompting ??= this.io.readSecret('Password: ').finally(() => (this.prompting = undefined));
    const p = await this.prompting;
    if (p !== undefined && s.password === undefined) s.password = p;
  }

  private async login(options: ConnectOptions): Promise<IpmiSession> {
    const key = JSON.stringify(options);
    if (this.failedKey?.key === key) throw this.failedKey.error;
    if (this.current?.key !== key) {
      await this.close();
      this.current = { key, opening: connect(options) };
    }
    const current = this.current;
    try {
      return await current.opening;
    } catch (e) {
      if (this.current === current) this.current = undefined;
      this.failedKey = { key, error: e };
      throw e;
    }
  }

  async close(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    const s = await current.opening.catch(() => undefined);
    await s?.close().catch(() => undefined);
  }
}

/** One line naming the host and the cause. */
export function errorLine(e: unknown): string {
  if (e instanceof IpmiError) return `Error: ${e.message}`;
  if (e instanceof UsageError) return e.message;
  return `Error: ${e instanceof Error ? e.message : String(e)}`;
}
