// ipmitool's batch commands (src/ipmishell.c): `exec FILE`, `shell`, `set`, `echo`. They run other
// command lines in the same run, so every line shares one session: a file of 100 commands costs one
// login. What they need from the run is the Batch interface below (run.ts implements it).
//
// Differences from ipmitool 1.8.19, each because ipmitool's behaviour is a bug a user would trip on:
//  - `set hostname|username|password|privlvl|authtype|port|localaddr|targetaddr` take effect: the next
//    command that needs the BMC uses a session with the new values (a new login only if one changed).
//    ipmitool logs in before the batch starts and then only records the values, so after `set hostname
//    other` its commands still go to the first host.
//  - The session opens when a line first needs it, and a failed login ends an exec batch there (every
//    later line would fail the same way, and each retry risks the BMC's lockout). ipmitool logs in
//    before reading the file, so with a bad password it prints nothing of the file.
//  - `shell` reads a terminal with a line editor, or lines piped on stdin (echoing prompt and line as
//    ipmitool's readline does), and ends at the end of its input; ipmitool's readline loop spins forever
//    on a pipe that ends without `exit`. The prompt is ipmitool's, so scripts that filter it still work.
//  - `set authtype OEM` is refused (bmcdesk has no OEM authentication); `exec` of a directory is an
//    error (ipmitool loops forever reading it).
//  - exec's status: ipmitool exits 1 if the last failing line's internal status was negative and 0 if
//    it was positive; bmcdesk only sees exit statuses, so any failing line makes exec exit 1.
import { readFileSync, statSync } from 'node:fs';
import type { AuthTypeName, PrivilegeName } from '../ipmi/client/connect';
import { execFileCommands, shellLine } from './batch-lines';
import type { SessionSettings } from './options';
import { str2uchar } from './str2uchar';
import { parseIpmitoolInt } from './ipmitool-number';

export interface Batch {
  readonly settings: SessionSettings;
  csv: number;
  verbose: number;
  out(text: string): void;
  err(text: string): void;
  /** runs one command line as ipmitool's ipmi_cmd_run does; returns its exit status */
  dispatch(args: string[]): Promise<number>;
  /** true once a login has failed: an exec batch stops */
  readonly loginFailed: boolean;
  /** `help`: the command list */
  commandList(): string;
  /** shell input: shows the prompt, resolves with the next line or undefined at the end of input */
  readLine?: (prompt: string) => Promise<string | undefined>;
}

export type BatchCommand = (batch: Batch, args: string[]) => Promise<number>;

const SHELL_PROMPT = 'ipmitool> ';

const SET_USAGE = `Usage: set <option> <value>

Options are:
    hostname <host>        Session hostname
    username <user>        Session username
    password <pass>        Session password
    privlvl <level>        Session privilege level force
    authtype <type>        Authentication type force
    localaddr <addr>       Local IPMB address
    targetaddr <addr>      Remote target IPMB address
    port <port>            Remote RMCP port
    csv [level]            enable output in comma separated format
    verbose [level]        Verbose level

`;

const PRIVILEGE_NAMES: Record<string, PrivilegeName> = {
  CALLBACK: 'callback',
  USER: 'user',
  OPERATOR: 'operator',
  ADMINISTRATOR: 'administrator',
  OEM: 'oem',
};
const AUTH_TYPE_NAMES: Record<string, AuthTypeName> = {
  NONE: 'none',
  MD2: 'md2',
  MD5: 'md5',
  PASSWORD: 'password',
};

async function exec(batch: Batch, args: string[]): Promise<number> {
  const file = args[0];
  if (file === undefined) {
    batch.err('Usage: exec <filename>\n');
    return 1;
  }
  let bytes: Buffer;
  try {
    // ipmitool checks that the file exists first, and its own message says so
    statSync(file);
  } catch {
    batch.err(`File ${file} does not exist\n`);
    return 1;
  }
  try {
    bytes = readFileSync(file);
  } catch (e) {
    batch.err(`Unable to open file ${file}: ${errnoText(e)}\n`);
    return 1;
  }
  let status = 0;
  for (const line of execFileCommands(bytes)) {
    if ((await batch.dispatch(line)) !== 0) status = 1;
    if (batch.loginFailed) return 1;
  }
  return status;
}

async function shell(batch: Batch): Promise<number> {
  if (!batch.readLine) {
    batch.err('shell: no input to read commands from\n');
    return 1;
  }
  let status = 0;
  for (;;) {
    const line = await batch.readLine(SHELL_PROMPT);
    if (line === undefined) break;
    const l = shellLine(line);
    if (l.kind === 'quit') return 0;
    if (l.kind === 'help') batch.err(batch.commandList());
    if (l.kind === 'run') status = await batch.dispatch(l.args);
  }
  batch.out('\n');
  return status;
}

async function echo(batch: Batch, args: string[]): Promise<number> {
  batch.out(args.map((a) => a + ' ').join('') + '\n');
  return 0;
}

async function set(batch: Batch, args: string[]): Promise<number> {
  const [name, value] = args;
  const usage = () => {
    batch.err(SET_USAGE);
    return 1;
  };
  const fail = (message: string) => {
    batch.err(message + '\n');
    return 1;
  };
  if (name === undefined || name === 'help') return usage();
  if (name === 'verbose' || name === 'csv') {
    let level: number;
    if (value === undefined) level = name === 'verbose' ? batch.verbose + 1 : 1;
    else {
      const n = parseIpmitoolInt(value);
      if (n === undefined) return fail(`Given ${name} '${value}' argument is invalid.`);
      level = n;
    }
    if (name === 'verbose') batch.verbose = level;
    else batch.csv = level;
    return 0;
  }
  if (value === undefined) return usage();
  const s = batch.settings;
  switch (name) {
    case 'host':
    case 'hostname':
      s.host = value;
      batch.out(`Set session hostname to ${value}\n`);
      return 0;
    case 'user':
    case 'username':
      s.username = value;
      batch.out(`Set session username to ${value}\n`);
      return 0;
    case 'pass':
    case 'password':
      s.password = value;
      batch.out('Set session password\n');
      return 0;
    case 'authtype': {
      const key = value.toUpperCase();
      const t = AUTH_TYPE_NAMES[key];
      if (!t) return fail(`Invalid authtype: ${value}`);
      s.authType = t;
      batch.out(`Set session authtype to ${key}\n`);
      return 0;
    }
    case 'privlvl': {
      const key = value.toUpperCase();
      const p = PRIVILEGE_NAMES[key];
      if (!p) return fail(`Invalid privilege level: ${value}`);
      s.privilege = p;
      batch.out(`Set session privilege level to ${key}\n`);
      return 0;
    }
    case 'port': {
      // ipmitool also takes 0 and negative ports here (and never uses them); a port must be 1-65535
      const n = parseIpmitoolInt(value);
      if (n === undefined || n < 1 || n > 65535) return fail(`Given port '${value}' is invalid.`);
      s.port = n;
      batch.out(`Set session port to ${n}\n`);
      return 0;
    }
    case 'localaddr':
    case 'targetaddr': {
      const r = str2uchar(value);
      if (!r.ok) return fail(`Given ${name} '${value}' is invalid.`);
      const hex = '0x' + r.value.toString(16).padStart(2, '0');
      if (name === 'localaddr') {
        s.localAddress = r.value;
        batch.out(`Set local IPMB address to ${hex}\n`);
      } else {
        s.targetAddress = r.value;
        batch.out(`Set remote IPMB address to ${hex}\n`);
      }
      return 0;
    }
    default:
      return usage();
  }
}

/** The batch commands by name, as run.ts dispatches them. */
export const BATCH_COMMANDS: Readonly<Record<string, BatchCommand>> = {
  exec,
  shell: (batch) => shell(batch),
  set,
  echo,
};

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES') return 'Permission denied';
  if (code === 'EISDIR') return 'Is a directory';
  return e instanceof Error ? e.message : String(e);
}
