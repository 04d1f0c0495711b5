// `bmcdesk firewall …`: the AMI MegaRAC OEM firewall (NetFn 0x32, 0x76/0x77). ipmitool has no such
// command (operators type `raw 0x32 0x76 …`), so the syntax is our own, spelled out in USAGE. Every rule
// is validated before the session is opened, so bad input never reaches the BMC; changes that could lock
// this machine out are refused by the command layer unless --force is given. `list` prints the firewall
// view (electron/views/firewall.ts), the same data the app shows; rule words come from firewall-text.ts.
import type { CliCommand, CliContext } from '../context';
import { UsageError } from '../context';
import {
  encodeAddRule,
  encodeDropAll,
  encodeRemoveDropAll,
  encodeRemoveRule,
} from '../../ipmi/commands/oem/ami/firewall-codec';
import {
  addFirewallRule,
  firewallDropAll,
  firewallRemoveDropAll,
  flushFirewall,
  removeFirewallRule,
} from '../../ipmi/commands/oem/ami/firewall';
import { readFirewallView } from '../../views/firewall';
import { describeRule, ruleText, windowText } from '../../views/firewall-text';
import type { FirewallView } from '../../../shared/domain/firewall';
import type {
  DropAllSpec,
  FirewallProtocol,
  FirewallRule,
  FirewallState,
  FirewallTime,
  FirewallWindow,
} from '../../ipmi/commands/oem/ami/firewall-layout';

const USAGE = `AMI MegaRAC OEM firewall (NetFn 0x32, Set 0x76 / Get 0x77). Commands:
  firewall list                                   list the rules and the drop-all state (USER privilege);
                                                  replies in a layout this version does not know are
                                                  shown as raw bytes per selector, not decoded
  firewall allow|deny ip <a.b.c.d>                ACCEPT / DROP one IPv4 address
  firewall allow|deny range <start> <end>         ACCEPT / DROP an IPv4 range (start <= end)
  firewall allow|deny port <tcp|udp|both> <port>  ACCEPT / DROP one port (1-65535)
  firewall allow|deny port-range <tcp|udp|both> <start> <end>
  firewall remove allow|deny <rule>               remove a rule: the same words as when it was added
  firewall drop-all [ipv4|ipv6|both] [--force]    drop everything no ACCEPT rule lets in (default both)
  firewall undrop-all [ipv4|ipv6|both]            remove drop-all (default both)
  firewall flush                                  remove every rule and drop-all
Rules and drop-all take an optional time window on the BMC's clock:
  --from YYYY-MM-DDTHH:MM --until YYYY-MM-DDTHH:MM
deny, remove and drop-all are refused when they would cut off this machine's address (as the BMC sees it)
unless a permanent ACCEPT rule covers it, and always when the rules cannot be read; --force overrides
that check.`;

interface Flags {
  force: boolean;
  window?: FirewallWindow;
  words: string[];
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

function parseTime(text: string, flag: string): FirewallTime {
  const m = TIME.exec(text);
  if (!m) throw new UsageError(`${flag} "${text}": expected YYYY-MM-DDTHH:MM`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return { year, month, day, hour, minute };
}

function parseFlags(args: string[]): Flags {
  const words: string[] = [];
  let force = false;
  let from: FirewallTime | undefined;
  let until: FirewallTime | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--force') force = true;
    else if (a === '--from' || a === '--until') {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a time (YYYY-MM-DDTHH:MM)`);
      if (a === '--from') from = parseTime(v, a);
      else until = parseTime(v, a);
    } else if (a.startsWith('--')) throw new UsageError(`firewall: unknown option ${a}`);
    else words.push(a);
  }
  if ((from === undefined) !== (until === undefined)) throw new UsageError('--from and --until go together');
  return { force, words, ...(from && until ? { window: { start: from, stop: until } } : {}) };
}

function number(text: string | undefined, what: string): number {
  if (text === undefined) throw new UsageError(`firewall: missing ${what}`);
  if (!/^\d+$/.test(text)) throw new UsageError(`firewall: ${what} "${text}" is not a number`);
  return Number(text);
}

function need(text: string | undefined, what: string): string {
  if (text === undefined) throw new UsageError(`firewall: missing ${what}`);
  return text;
}

function protocol(text: string | undefined): FirewallProtocol {
  // an unknown word is passed on so the codec rejects it with an argument error, as for every field
  return need(text, 'protocol (tcp, udp or both)').toLowerCase() as FirewallProtocol;
}

/** `allow|deny <kind> …` → a rule. */
function parseRule(words: string[], window: FirewallWindow | undefined): FirewallRule {
  const [verb, kind, a, b, c] = words;
  let state: FirewallState;
  if (verb === 'allow') state = 'accept';
  else if (verb === 'deny') state = 'drop';
  else throw new UsageError(`firewall: expected allow or deny, got "${verb ?? ''}"`);
  const w = window ? { window } : {};
  const done = (rule: FirewallRule, used: number) => {
    if (words.length > used) throw new UsageError(`firewall: unexpected "${words.slice(used).join(' ')}"`);
    return rule;
  };
  switch (kind) {
    case 'ip':
      return done({ kind: 'ip', state, address: need(a, 'IPv4 address'), ...w }, 3);
    case 'range':
      return done(
        { kind: 'range', state, start: need(a, 'range start'), end: need(b, 'range end'), ...w },
        4,
      );
    case 'port':
      return done({ kind: 'port', state, protocol: protocol(a), port: number(b, 'port'), ...w }, 4);
    case 'port-range':
      return done(
        {
          kind: 'port-range',
          state,
          protocol: protocol(a),
          start: number(b, 'start port'),
          end: number(c, 'end port'),
          ...w,
        },
        5,
      );
    default:
      throw new UsageError(`firewall: unknown rule kind "${kind ?? ''}" (use ip, range, port or port-range)`);
  }
}

function families(word: string | undefined, rest: string[]): { ipv4: boolean; ipv6: boolean } {
  if (rest.length > 0) throw new UsageError(`firewall: unexpected "${rest.join(' ')}"`);
  switch (word ?? 'both') {
    case 'both':
      return { ipv4: true, ipv6: true };
    case 'ipv4':
      return { ipv4: true, ipv6: false };
    case 'ipv6':
      return { ipv4: false, ipv6: true };
    default:
      throw new UsageError(`firewall: expected ipv4, ipv6 or both, got "${word}"`);
  }
}

const hex = (b: ArrayLike<number>) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

type RawReply = Extract<FirewallView, { layout: 'unknown' }>['raw'][number];
type Snapshot = Extract<FirewallView, { layout: 'known' }>;

/** Replies in no known layout: the bytes as the BMC sent them, per selector, and why they are not decoded. */
export function formatRawReplies(note: string, raw: RawReply[]): string {
  const rows = raw.map((r) => [
    r.selector,
    hex(r.request),
    r.completionCode.toString(16).padStart(2, '0'),
    hex(r.reply),
  ]);
  const header = ['Selector', 'Request', 'CC', 'Reply'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return (
    [
      `Firewall layout unknown: ${note}.`,
      'Get Firewall (NetFn 0x32 cmd 0x77) replies, not decoded:',
      line(header),
      ...rows.map(line),
    ].join('\n') + '\n'
  );
}

/** The `firewall list` output, printed from the view: the rule table, or the raw replies. */
export function formatFirewall(fw: FirewallView): string {
  if (fw.layout === 'unknown') return formatRawReplies(fw.note, fw.raw);
  return formatRules(fw);
}

function formatRules(fw: Snapshot): string {
  const rows = fw.rules.map((r) => {
    const { proto, target } = ruleText(r);
    const state =
      r.kind === 'unknown'
        ? `0x${r.stateCode.toString(16).padStart(2, '0')}`
        : 'state' in r
          ? r.state.toUpperCase()
          : '-';
    const type = r.kind === 'unknown' ? `type ${r.type}` : r.kind;
    const window = r.kind === 'unknown' ? '-' : windowText(r.window);
    return [String(r.index), type, state, proto, target, window];
  });
  const header = ['#', 'Type', 'State', 'Protocol', 'Address/Port', 'Window'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const body = rows.length === 0 ? ['No firewall rules.'] : [line(header), ...rows.map(line)];
  const blockAll = `Drop-all: ${fw.blockAll.active ? 'on' : 'off'}${fw.blockAll.raw > 1 ? ` (0x${fw.blockAll.raw.toString(16).padStart(2, '0')})` : ''}`;
  return [...body, blockAll].join('\n') + '\n';
}

/** The BMC's key in the firewall layout memory: as the user named it, port included when not 623. */
function hostKey(ctx: CliContext): string {
  const port = ctx.options.port ?? 623;
  return port === 623 ? ctx.options.host : `${ctx.options.host}:${port}`;
}

async function run(ctx: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const flags = parseFlags(rest);
  const lockout = { iUnderstandThisMayLockMeOut: flags.force, hostKey: hostKey(ctx) };
  const forced = () => {
    if (flags.force) ctx.err('Warning: --force: the lock-out check is skipped; flush is the way back in.\n');
  };
  const noWindow = () => {
    if (flags.window) throw new UsageError(`firewall ${sub}: takes no --from/--until`);
  };
  switch (sub) {
    case undefined:
    case 'help':
      ctx.out(USAGE + '\n');
      return 0;
    case 'list': {
      noWindow();
      if (flags.words.length > 0)
        throw new UsageError(`firewall list: unexpected "${flags.words.join(' ')}"`);
      ctx.out(formatFirewall(await readFirewallView(await ctx.session(), { hostKey: hostKey(ctx) })));
      return 0;
    }
    case 'allow':
    case 'deny': {
      const rule = parseRule([sub, ...flags.words], flags.window);
      encodeAddRule(rule); // validate before the session is opened
      forced();
      await addFirewallRule(await ctx.session(), rule, lockout);
      ctx.out(`Added ${describeRule(rule)}\n`);
      return 0;
    }
    case 'remove': {
      const rule = parseRule(flags.words, flags.window);
      encodeRemoveRule(rule);
      forced();
      await removeFirewallRule(await ctx.session(), rule, lockout);
      ctx.out(`Removed ${describeRule(rule)}\n`);
      return 0;
    }
    case 'drop-all': {
      const spec: DropAllSpec = {
        kind: 'drop-all',
        ...families(flags.words[0], flags.words.slice(1)),
        ...(flags.window ? { window: flags.window } : {}),
      };
      encodeDropAll(spec);
      forced();
      await firewallDropAll(await ctx.session(), spec, lockout);
      ctx.out(
        `Drop-all set for ${ruleText(spec).target}${flags.window ? ` (${windowText(flags.window)})` : ''}\n`,
      );
      return 0;
    }
    case 'undrop-all': {
      noWindow();
      const spec = { kind: 'drop-all' as const, ...families(flags.words[0], flags.words.slice(1)) };
      encodeRemoveDropAll(spec);
      await firewallRemoveDropAll(await ctx.session(), spec);
      ctx.out(`Drop-all removed for ${ruleText(spec).target}\n`);
      return 0;
    }
    case 'flush': {
      noWindow();
      if (flags.words.length > 0)
        throw new UsageError(`firewall flush: unexpected "${flags.words.join(' ')}"`);
      await flushFirewall(await ctx.session());
      ctx.out('Firewall flushed: no rules, drop-all off\n');
      return 0;
    }
    default:
      throw new UsageError(`firewall: unknown sub-command "${sub}"\n${USAGE}`);
  }
}

export const firewallCommand: CliCommand = { name: 'firewall', usage: USAGE, run };
