// ipmitool 1.8.19's connection options (ipmitool(1) "OPTIONS"), parsed into ConnectOptions.
// Passwords come from -E (IPMI_PASSWORD), -f FILE, or -P (accepted, with a warning: argv is visible
// to every process on the machine).
import { readFileSync } from 'node:fs';
import type { AuthTypeName, ConnectOptions, PrivilegeName } from '../ipmi/client/connect';
import { UsageError } from './context';

export interface ParsedArgs {
  options: ConnectOptions;
  /** the command and its arguments, e.g. ['chassis', 'status'] */
  command: string[];
  warnings: string[];
  verbose: number;
  csv: boolean;
  /** -l: the responder LUN `raw` sends to (0-3) */
  lun: number;
}

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

/** Options that take a value; everything else is a flag. */
const WITH_VALUE = new Set('IHpULCtbfPRNkyATBlmeOS'.split(''));

export function parseArgs(args: readonly string[], env: Record<string, string | undefined>): ParsedArgs {
  const argv = [...args];
  const warnings: string[] = [];
  let verbose = 0;
  let csv = false;
  let lun = 0;
  let iface: 'lanplus' | 'lan' | undefined;
  let host: string | undefined;
  let port = 623;
  let username = '';
  let password: string | undefined;
  let privilege: PrivilegeName | undefined;
  let cipherSuite: number | 'auto' = 'auto';
  let authType: AuthTypeName | undefined;
  let target: number | undefined;
  let channel: number | undefined;
  let retries: number | undefined;
  let timeoutSec: number | undefined;
  let kg: Buffer | undefined;

  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--') {
      i++;
      break;
    }
    const flag = a[1]!;
    let value: string | undefined;
    if (WITH_VALUE.has(flag)) {
      value = a.length > 2 ? a.slice(2) : argv[++i];
      if (value === undefined) throw new UsageError(`option -${flag} requires an argument`);
    } else if (a.length > 2) {
      // bundled options, as getopt reads them: "-vc" is -v -c, and a letter that takes a value takes
      // the rest ("-vH10.0.0.5" is -v -H 10.0.0.5); every letter is then parsed on its own
      const split: string[] = [];
      for (let j = 1; j < a.length; j++) {
        if (WITH_VALUE.has(a[j]!)) {
          split.push('-' + a.slice(j));
          break;
        }
        split.push('-' + a[j]!);
      }
      argv.splice(i, 1, ...split);
      i--;
      continue;
    }
    switch (flag) {
      case 'I':
        if (value !== 'lanplus' && value !== 'lan')
          throw new UsageError(`Invalid interface: ${value} (use lan or lanplus)`);
        iface = value;
        break;
      case 'H':
        host = value!;
        break;
      case 'p':
        port = intArg(value!, '-p', 1, 65535);
        break;
      case 'U':
        username = value!;
        if (Buffer.byteLength(username) > 16) throw new UsageError('Username is more than 16 bytes long');
        break;
      case 'L': {
        const p = PRIVILEGES[value!.toUpperCase()];
        if (!p) throw new UsageError(`Invalid privilege level ${value}`);
        privilege = p;
        break;
      }
      case 'C':
        cipherSuite = intArg(value!, '-C', 0, 255);
        break;
      case 'A': {
        const t = AUTH_TYPES[value!.toUpperCase()];
        if (!t) throw new UsageError(`Invalid authtype: ${value}`);
        authType = t;
        break;
      }
      case 't':
        target = intArg(value!, '-t', 0, 0xff);
        break;
      case 'b':
        channel = intArg(value!, '-b', 0, 0x0f);
        break;
      case 'R':
        retries = intArg(value!, '-R', 1, 100);
        break;
      case 'N':
        timeoutSec = Number(value);
        if (!Number.isFinite(timeoutSec) || timeoutSec <= 0 || timeoutSec > 300)
          throw new UsageError(`Invalid parameter given or out of range for '-N': ${value}`);
        break;
      case 'E':
        password = env.IPMI_PASSWORD ?? env.IPMITOOL_PASSWORD;
        if (password === undefined) throw new UsageError('Unable to read password from environment');
        break;
      case 'f':
        try {
          password = readFileSync(value!, 'utf8').split(/\r?\n/)[0] ?? '';
        } catch {
          throw new UsageError(`Unable to read password from file ${value}`);
        }
        break;
      case 'P':
        password = value!;
        warnings.push(
          'Warning: a password given with -P is visible to other processes on this machine; use -E or -f',
        );
        break;
      case 'k':
        kg = Buffer.from(value!, 'latin1');
        break;
      case 'y': {
        // Buffer.from(hex) would silently drop an odd last digit: refuse it, as ipmitool does
        const hex = value!.replace(/^0x/i, '');
        if (!/^[0-9a-f]*$/i.test(hex) || hex.length > 40 || hex.length % 2 !== 0)
          throw new UsageError('Kg key must be up to 40 hex digits, an even number of them');
        kg = Buffer.from(hex, 'hex');
        break;
      }
      case 'v':
        verbose++;
        break;
      case 'c':
        csv = true;
        break;
      case 'l': {
        // ipmitool takes 0-255 and sends it in a 2-bit field; only 0-3 are LUNs, so the rest is refused
        const n = parseLun(value!);
        if (n === undefined) throw new UsageError("Invalid parameter given or out of range for '-l'.");
        lun = n;
        break;
      }
      default:
        throw new UsageError(`Invalid option: ${a}`);
    }
  }
  if (!host) throw new UsageError('No hostname specified! (use -H)');
  if (password === undefined) throw new UsageError('No password given: use -E (IPMI_PASSWORD) or -f FILE');

  const options: ConnectOptions = {
    host,
    port,
    username,
    password,
    interface: iface ?? 'lanplus',
    cipherSuite,
    privilege: privilege ?? 'administrator',
    nameOnlyLookup: true,
  };
  if (kg) options.kg = kg;
  if (authType) options.authType = authType;
  if (retries !== undefined) options.retries = retries - 1;
  if (timeoutSec !== undefined) options.timeoutMs = Math.round(timeoutSec * 1000);
  if (target !== undefined) options.target = { address: target, channel: channel ?? 0 };
  // ipmitool allows the insecure choices when they are asked for explicitly by option.
  if (cipherSuite === 0 || authType === 'none') options.allowInsecure = true;
  return { options, command: argv.slice(i), warnings, verbose, csv, lun };
}

/** ipmitool's str2uchar (strtoul base 0 over the whole argument), limited to the LUNs 0-3. */
function parseLun(v: string): number | undefined {
  const n = /^0x[0-9a-f]+$/i.test(v)
    ? parseInt(v, 16)
    : /^0[0-7]*$/.test(v)
      ? parseInt(v, 8)
      : /^[1-9]\d*$/.test(v)
        ? parseInt(v, 10)
        : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 3 ? n : undefined;
}

function intArg(v: string, opt: string, min: number, max: number): number {
  const n = /^0x[0-9a-f]+$/i.test(v) ? parseInt(v, 16) : /^\d+$/.test(v) ? parseInt(v, 10) : NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`Invalid parameter given or out of range for '${opt}': ${v}`);
  return n;
}
