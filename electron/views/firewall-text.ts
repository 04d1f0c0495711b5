// Firewall rules and changes in words, once: the CLI's table and messages and the plan steps the app
// shows are built from these, so both say the same thing about the same rule.
import type { FirewallEntryData, FirewallRuleData, FirewallChangeData } from '../../shared/domain/firewall';

type Time = { year: number; month: number; day: number; hour: number; minute: number };
type Window = { start: Time; stop: Time };
type DropAll = { kind: 'drop-all'; ipv4: boolean; ipv6: boolean; window?: Window };

const pad2 = (n: number) => String(n).padStart(2, '0');
export const timeText = (t: Time): string =>
  `${t.year}-${pad2(t.month)}-${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}`;
export const windowText = (w: Window | undefined): string =>
  w ? `${timeText(w.start)} - ${timeText(w.stop)}` : '-';

export const familiesText = (f: { ipv4: boolean; ipv6: boolean }): string =>
  [f.ipv4 && 'IPv4', f.ipv6 && 'IPv6'].filter(Boolean).join(',') || '(no family)';

const hex = (b: ArrayLike<number>) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** What a rule matches, as the table shows it. */
export function ruleText(r: FirewallRuleData | FirewallEntryData | DropAll): {
  proto: string;
  target: string;
} {
  switch (r.kind) {
    case 'ip':
      return { proto: '-', target: r.address };
    case 'range':
      return { proto: '-', target: `${r.start}-${r.end}` };
    case 'port':
      return { proto: r.protocol, target: String(r.port) };
    case 'port-range':
      return { proto: r.protocol, target: `${r.start}-${r.end}` };
    case 'drop-all':
      return { proto: '-', target: familiesText(r) };
    case 'unknown':
      return { proto: '?', target: `raw ${hex(r.body) || '(empty)'}` };
  }
}

/** "ACCEPT ip 10.0.0.1", "DROP port tcp 22 (2030-01-01 00:00 - 2030-12-31 23:59)" */
export function describeRule(r: FirewallRuleData): string {
  const { proto, target } = ruleText(r);
  return `${r.state.toUpperCase()} ${r.kind}${proto === '-' ? '' : ` ${proto}`} ${target}${r.window ? ` (${windowText(r.window)})` : ''}`;
}

/** A change in a few words, for plan steps. */
export function describeChange(c: FirewallChangeData): string {
  switch (c.op) {
    case 'add':
      return `add ${describeRule(c.rule)}`;
    case 'remove':
      return `remove ${describeRule(c.rule)}`;
    case 'drop-all':
      return `drop-all ${familiesText(c)}${c.window ? ` (${windowText(c.window)})` : ''}`;
    case 'undrop-all':
      return `remove drop-all ${familiesText(c)}`;
    case 'flush':
      return 'flush: remove every rule and drop-all';
  }
}
