// Dates as ipmitool 1.8.19 prints them (lib/ipmi_time.c): C-locale strftime of the local time named by
// TZ, except "special" timestamps (seconds since BMC init, below 0x20000000), which are shown in UTC.
// TZ is taken from the environment the CLI was given, so `TZ=UTC bmcdesk ...` behaves like
// `TZ=UTC ipmitool ...`. POSIX rule strings ("EST5EDT") and glibc's zone abbreviations are not fully
// reproduced: zones Intl does not know fall back to UTC, and %Z prints Intl's short name.
import { SEL_TIME_INIT_DONE, SEL_TIME_UNSPECIFIED } from '../../ipmi/decode/sel-record';

export interface ZonedTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
  /** 1-366 */
  yearDay: number;
  zone: string;
}

const UTC_NAMES = new Set([
  '',
  'UTC',
  'UTC0',
  'GMT',
  'GMT0',
  'UCT',
  'Zulu',
  'Etc/UTC',
  'Etc/GMT',
  'Universal',
]);

/** The IANA zone to use for a TZ value (undefined = the system's zone). */
export function resolveTimeZone(tz: string | undefined): string | undefined {
  if (tz === undefined) return undefined;
  const name = tz.startsWith(':') ? tz.slice(1) : tz;
  if (UTC_NAMES.has(name)) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return 'UTC';
  }
}

export function zonedTime(seconds: number, timeZone: string | undefined): ZonedTime {
  const date = new Date(seconds * 1000);
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
    timeZoneName: 'short',
  });
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(date)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const yearDay = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  return {
    year,
    month,
    day,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
    yearDay,
    zone: parts.timeZoneName === 'GMT' && timeZone === 'UTC' ? 'UTC' : (parts.timeZoneName ?? ''),
  };
}

function utcTime(seconds: number): ZonedTime {
  const d = new Date(seconds * 1000);
  const yearDay = Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    yearDay,
    // glibc's gmtime() names its zone GMT
    zone: 'GMT',
  };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime in the C locale, for the conversions ipmitool uses. */
export function strftimeC(format: string, t: ZonedTime): string {
  return format.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 'x':
        return `${p2(t.month)}/${p2(t.day)}/${p2(t.year % 100)}`;
      case 'X':
        return `${p2(t.hour)}:${p2(t.minute)}:${p2(t.second)}`;
      case 'c':
        return `${WEEKDAYS[t.weekday]} ${MONTHS[t.month - 1]} ${String(t.day).padStart(2, ' ')} ${p2(t.hour)}:${p2(t.minute)}:${p2(t.second)} ${t.year}`;
      case 'Z':
        return t.zone;
      case 'y':
        return p2(t.year % 100);
      case 'j':
        return String(t.yearDay).padStart(3, '0');
      case 'H':
        return p2(t.hour);
      case 'M':
        return p2(t.minute);
      case 'S':
        return p2(t.second);
      case '%':
        return '%';
      default:
        return `%${c}`;
    }
  });
}

export interface TimeOptions {
  /** TZ as the CLI's environment has it (undefined = system zone) */
  tz?: string | undefined;
}

function fmt(stamp: number, format: string, opts: TimeOptions): string {
  const special = stamp < SEL_TIME_INIT_DONE;
  const t = special ? utcTime(stamp) : zonedTime(stamp, resolveTimeZone(opts.tz));
  return strftimeC(format, t);
}

/** ipmi_timestamp_numeric: "09/13/20 12:26:40 UTC" */
export function timestampNumeric(stamp: number, opts: TimeOptions = {}): string {
  if (stamp === SEL_TIME_UNSPECIFIED) return 'Unspecified';
  if (stamp < SEL_TIME_INIT_DONE)
    return fmt(stamp, stamp < 86_400 ? 'S+ %H:%M:%S' : 'S+ %y/%j %H:%M:%S', opts);
  return fmt(stamp, '%x %X %Z', opts);
}

/** ipmi_timestamp_string: "Wed Jan  1 00:00:00 2020 UTC" */
export function timestampString(stamp: number, opts: TimeOptions = {}): string {
  if (stamp === SEL_TIME_UNSPECIFIED) return 'Unspecified';
  if (stamp < SEL_TIME_INIT_DONE)
    return fmt(stamp, stamp < 86_400 ? 'S+ %H:%M:%S' : 'S+ %y years %j days %H:%M:%S', opts);
  return fmt(stamp, '%c %Z', opts);
}

/** ipmi_timestamp_date: "09/13/20" */
export function timestampDate(stamp: number, opts: TimeOptions = {}): string {
  if (stamp === SEL_TIME_UNSPECIFIED) return 'Unspecified';
  if (stamp < SEL_TIME_INIT_DONE) return fmt(stamp, 'S+ %y/%j', opts);
  return fmt(stamp, '%x', opts);
}

/** ipmi_timestamp_time: "12:26:40 UTC" */
export function timestampTime(stamp: number, opts: TimeOptions = {}): string {
  if (stamp === SEL_TIME_UNSPECIFIED) return 'Unspecified';
  return fmt(stamp, '%X %Z', opts);
}

/** Parses ipmitool's `sel time set` argument, "MM/DD/YYYY HH:MM:SS" (also 2-digit years), as local
 *  time in `tz`; returns seconds since 1970 UTC, or undefined when it does not parse. */
export function parseSelTime(text: string, opts: TimeOptions = {}): number | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s+(\d{1,2}):(\d{1,2}):(\d{1,2})\s*$/.exec(text);
  if (!m) return undefined;
  const [month, day, y, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // strptime's %y: 69-99 are 19xx, 00-68 are 20xx.
  const year = y < 100 ? (y < 69 ? 2000 + y : 1900 + y) : y;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return undefined;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
  const zone = resolveTimeZone(opts.tz);
  // Local -> UTC: subtract the zone's offset at that moment (twice, to settle across a DST change).
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - offsetSeconds(guess, zone);
  return guess >= 0 && guess <= 0xffffffff ? guess : undefined;
}

function offsetSeconds(seconds: number, zone: string | undefined): number {
  const t = zonedTime(seconds, zone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) / 1000 - seconds;
}
