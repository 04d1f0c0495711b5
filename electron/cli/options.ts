// ipmitool 1.8.19's options (ipmitool(1) "OPTIONS", lib/ipmi_main.c), parsed into the settings of the
// session a run will open. Passwords come from -E (IPMI_PASSWORD), -f FILE, -a (prompt), or -P
// (accepted, with a warning: argv is visible to every process on the machine); with none of them, a
// command that needs the BMC asks "Password: " as ipmitool does (run.ts).
//
// Like ipmitool, options are checked as they are read: `-h`, `-V` and `-o list` end the run at once,
// and a malformed value is refused with ipmitool's message. What a session needs (a host, a password)
// is checked only when a command opens one (connectOptions), so `help`, `<command> help`, `-h` and
// `-V` work without -H, as they do in ipmitool.
//
// One difference: ipmitool's GNU getopt also reads options written after the command ("power status
// -v"); bmcdesk stops at the first argument that is not an option and passes the rest to the command,
// so command arguments that start with "-" (firewall --force, sdr --no-cache) reach their command.
import { readFileSync } from 'node:fs';
import type { AuthTypeName, ConnectOptions, PrivilegeName } from '../ipmi/client/connect';
import { UsageError } from './context';
import { oemTypesText, usageText } from './help-text';
import { str2uchar } from './str2uchar';
import { parseIpmitoolInt } from './ipmitool-number';

/** Everything that shapes the session a command opens; `set` in exec/shell changes it. */
export interface SessionSettings {
  host?: string;
  port: number;
  username: string;
  password?: string;
  interface: 'lanplus' | 'lan';
  cipherSuite: number | 'auto';
  privilege: PrivilegeName;
  /** -L LEVEL+ asks for name/privilege lookup in RAKP 1 */
  nameOnlyLookup: boolean;
  authType?: AuthTypeName;
  kg?: Buffer;
  /** -R: tries per request (ipmitool counts tries, not retransmissions) */
  tries?: number;
  timeoutMs?: number;
  /** -t: the IPMB address requests are bridged to, when it differs from localAddress */
  targetAddress?: number;
  /** -b: the channel the target sits on */
  targetChannel?: number;
  /** -m: our IPMB address (ipmitool's my_addr), 0x20 by default */
  localAddress: number;
}

export interface ParsedArgs {
  settings: SessionSettings;
  /** the command and its arguments, e.g. ['chassis', 'status'] */
  command: string[];
  warnings: string[];
  verbose: number;
  csv: boolean;
  /** -l: the responder LUN `raw` sends to (0-3) */
  lun: number;
  /** -a was given (and no later -P/-E/-f): prompt for the password before running */
  askPassword: boolean;
  /** -o TYPE, checked against ipmitool's OEM types when the command runs */
  oemType?: string;
  /** -S FILE: the SDR from a local file (sdr dump's format) for the commands ipmitool reads it for */
  sdrFile?: string;
  /** --no-cache among the options (bmcdesk only): every command of the run reads the SDR from the BMC */
  noSdrCache: boolean;
}

/** The run ends before any command: -h, -V, -o list, or an option getopt refuses. */
export class CliExit extends Error {
  constructor(
    readonly stdout: string,
    readonly stderr: string,
    readonly code: number,
  ) {
    super(stderr || stdout);
    this.name = 'CliExit';
  }
}

export const BMC_SLAVE_ADDRESS = 0x20;

const PRIVILEGES: Record<string, PrivilegeName> = {
  CALLBACK: 'callback',
  USER: 'user',
  OPERATOR: 'operator',
  ADMINISTRATOR: 'administrator',
  OEM: 'oem',
};
const AUTH_TYPES: Record<string, AuthTypeName> = {
  NONE: 'none',
  MD2: 'md2',
  MD5: 'md5',
  PASSWORD: 'password',
};

/** Options bmcdesk accepts, as in ipmitool's getopt string; a letter followed by ":" takes a value. */
const ACCEPTED = 'I:hVvcaH:f:U:p:C:L:A:t:m:S:l:b:o:k:y:P:ER:N:';
const FLAGS = new Set<string>();
const WITH_VALUE = new Set<string>();
for (let i = 0; i < ACCEPTED.length; i++) {
  const letter = ACCEPTED[i]!;
  if (ACCEPTED[i + 1] === ':') {
    WITH_VALUE.add(letter);
    i++;
  } else FLAGS.add(letter);
}

export interface ParseContext {
  /** the program name in getopt's messages and -V (ipmitool prints its argv[0]) */
  progname?: string;
  version?: string;
  /** the commands this run can execute, for the usage text */
  commands?: readonly string[];
}

export function parseArgs(
  args: readonly string[],
  env: Record<string, string | undefined>,
  pc: ParseContext = {},
): ParsedArgs {
  const progname = pc.progname ?? 'bmcdesk';
  const usage = () => usageText(progname, pc.version, pc.commands ?? [], ACCEPTED.replaceAll(':', ''));
  const warnings: string[] = [];
  const s: SessionSettings = {
    port: 623,
    username: '',
    interface: 'lanplus',
    cipherSuite: 'auto',
    privilege: 'administrator',
    nameOnlyLookup: true,
    localAddress: BMC_SLAVE_ADDRESS,
  };
  const parsed: ParsedArgs = {
    settings: s,
    command: [],
    warnings,
    verbose: 0,
    csv: false,
    lun: 0,
    askPassword: false,
    noSdrCache: false,
  };
  const setPassword = (p: string) => {
    s.password = p;
    parsed.askPassword = false;
  };

  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--') {
      i++;
      break;
    }
    // bmcdesk's own SDR cache switch, also where a user puts global options (ipmitool has no cache, and
    // its getopt refuses the word, so no ipmitool command line means anything else by it)
    if (a === '--no-cache') {
      parsed.noSdrCache = true;
      continue;
    }
    // getopt reads "-vcH host" letter by letter; a letter that takes a value takes the rest of the
    // argument, or the next argument
    for (let j = 1; j < a.length; j++) {
      const flag = a[j]!;
      let value: string | undefined;
      if (WITH_VALUE.has(flag)) {
        value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined)
          throw new CliExit('', `${progname}: option requires an argument -- '${flag}'\n` + usage(), 1);
        j = a.length;
      } else if (!FLAGS.has(flag)) {
        throw new CliExit('', `${progname}: invalid option -- '${flag}'\n` + usage(), 1);
      }
      applyOption(flag, value);
    }
  }
  parsed.command = args.slice(i);
  return parsed;

  function applyOption(flag: string, value: string | undefined): void {
    const v = value!;
    switch (flag) {
      case 'h':
        throw new CliExit('', usage(), 0);
      case 'V':
        throw new CliExit(`${progname} version ${pc.version ?? 'unknown'}\n`, '', 0);
      case 'I':
        if (v !== 'lanplus' && v !== 'lan')
          throw new UsageError(`Invalid interface: ${v} (use lan or lanplus)`);
        s.interface = v;
        break;
      case 'H':
        s.host = v;
        break;
      case 'p': {
        const n = parseIpmitoolInt(v);
        if (n === undefined) throw new UsageError("Invalid parameter given or out of range for '-p'.");
        if (n < 0 || n > 65535) throw new UsageError(`Port number ${n} is out of range.`);
        // ipmitool treats -p 0 as "not given"
        s.port = n === 0 ? 623 : n;
        break;
      }
      case 'U':
        if (Buffer.byteLength(v) > 16) throw new UsageError('Username is too long (> 16 bytes)');
        s.username = v;
        break;
      case 'L': {
        const plus = v.endsWith('+');
        const p = PRIVILEGES[(plus ? v.slice(0, -1) : v).toUpperCase()];
        if (!p) throw new UsageError(`Invalid privilege level ${plus ? v.slice(0, -1) : v}`);
        s.privilege = p;
        s.nameOnlyLookup = !plus;
        break;
      }
      case 'C':
        s.cipherSuite = uchar(v, "Invalid parameter given or out of range [0-255] for '-C'.");
        break;
      case 'A': {
        const t = AUTH_TYPES[v.toUpperCase()];
        if (!t) throw new UsageError(`Invalid authtype: ${v}`);
        s.authType = t;
        break;
      }
      case 't':
        s.targetAddress = uchar(v, "Invalid parameter given or out of range for '-t'.");
        break;
      case 'b':
        s.targetChannel = uchar(v, "Invalid parameter given or out of range for '-b'.");
        if (s.targetChannel > 0x0f) throw new UsageError("Invalid parameter given or out of range for '-b'.");
        break;
      case 'm':
        s.localAddress = uchar(v, "Invalid parameter given or out of range for '-m'.");
        break;
      case 'R': {
        const n = parseIpmitoolInt(v);
        if (n === undefined || n < 0 || n > 100)
          throw new UsageError("Invalid parameter given or out of range for '-R'.");
        // ipmitool treats -R 0 as "not given"
        if (n > 0) s.tries = n;
        break;
      }
      case 'N': {
        // seconds, as ipmitool; bmcdesk also takes fractions ("-N 0.5") for fast LANs
        const n = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || n <= 0 || n > 300)
          throw new UsageError("Invalid parameter given or out of range for '-N'.");
        s.timeoutMs = Math.round(n * 1000);
        break;
      }
      case 'E': {
        const p = env.IPMITOOL_PASSWORD ?? env.IPMI_PASSWORD;
        if (p === undefined) warnings.push('Unable to read password from environment');
        else setPassword(p);
        break;
      }
      case 'f':
        try {
          // ipmitool reads up to 20 bytes of the first line and stops at CR, LF or TAB
          setPassword(readFileSync(v, 'utf8').split(/[\r\n\t]/)[0] ?? '');
        } catch {
          throw new UsageError(`Unable to read password from file ${v}`);
        }
        break;
      case 'a':
        parsed.askPassword = true;
        break;
      case 'P':
        setPassword(v);
        warnings.push(
          'Warning: a password given with -P is visible to other processes on this machine; use -E or -f',
        );
        break;
      case 'k':
        s.kg = Buffer.from(v, 'latin1');
        break;
      case 'y': {
        // Buffer.from(hex) would silently drop an odd last digit: refuse it, as ipmitool does
        const hex = v.replace(/^0x/i, '');
        if (hex.length % 2 !== 0) throw new UsageError('Number of Kg key characters is not even');
        if (!/^[0-9a-f]*$/i.test(hex)) throw new UsageError('Kg key is not hexadecimal number');
        if (hex.length > 40) throw new UsageError('Kg key is too long');
        s.kg = Buffer.from(hex, 'hex');
        break;
      }
      case 'v':
        parsed.verbose++;
        break;
      case 'c':
        parsed.csv = true;
        break;
      case 'l': {
        // ipmitool takes 0-255 and sends it in a 2-bit field; only 0-3 are LUNs, so the rest is refused
        const r = str2uchar(v);
        if (!r.ok || r.value > 3) throw new UsageError("Invalid parameter given or out of range for '-l'.");
        parsed.lun = r.value;
        break;
      }
      case 'S':
        // read when the session opens, as ipmitool reads it after logging in (sdr-file.ts)
        parsed.sdrFile = v;
        break;
      case 'o':
        if (v === 'list' || v === 'help') throw new CliExit('', oemTypesText(), 0);
        parsed.oemType = v;
        break;
    }
  }
}

/** ConnectOptions for the current settings; the errors ipmitool reports when it opens the session. */
export function connectOptions(s: SessionSettings): ConnectOptions {
  if (!s.host) throw new UsageError('No hostname specified!');
  // ipmitool logs in with an empty password for auth type NONE rather than ask for one
  if (s.password === undefined && s.authType !== 'none')
    throw new UsageError('No password given: use -E (IPMI_PASSWORD), -f FILE or -a (prompt)');
  const options: ConnectOptions = {
    host: s.host,
    port: s.port,
    username: s.username,
    password: s.password ?? '',
    interface: s.interface,
    cipherSuite: s.cipherSuite,
    privilege: s.privilege,
    nameOnlyLookup: s.nameOnlyLookup,
  };
  if (s.kg) options.kg = s.kg;
  if (s.authType) options.authType = s.authType;
  if (s.tries !== undefined) options.retries = s.tries - 1;
  if (s.timeoutMs !== undefined) options.timeoutMs = s.timeoutMs;
  // As in ipmitool, a request is bridged only when the target differs from our own IPMB address (-m).
  if (s.targetAddress !== undefined && s.targetAddress !== 0 && s.targetAddress !== s.localAddress)
    options.target = { address: s.targetAddress, channel: s.targetChannel ?? 0 };
  // ipmitool allows the insecure choices when they are asked for explicitly by option.
  if (s.cipherSuite === 0 || s.authType === 'none') options.allowInsecure = true;
  return options;
}

/** The options a command sees before (or without) a session: host and port may be unset. */
export function describedOptions(s: SessionSettings): ConnectOptions {
  return { host: s.host ?? '', port: s.port, username: s.username, password: '', interface: s.interface };
}

function uchar(v: string, message: string): number {
  const r = str2uchar(v);
  if (!r.ok) throw new UsageError(message);
  return r.value;
}
