// How a row reads in the user's language: its time (a date per locale, or "pre-init" with the time since
// the BMC started), severity, direction and OEM record names; the search matches this text.
import dayjs from 'dayjs';
import duration from 'dayjs/plugin/duration';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { TFunction } from 'i18next';
import type { SelSeverity } from '../../../../../shared/domain/sel';
import { stateText } from '../../../i18n/ipmi-text/state-text';
import { typeName } from '../sensors/sensor-labels';
import type { EventRow } from './event-rows';

dayjs.extend(localizedFormat);
dayjs.extend(duration);
dayjs.extend(relativeTime);

/** "L LTS": 09/13/2020 12:26:40 PM in English, 2020/09/13 12:26:40 in Chinese (dayjs follows the app). */
export function formatDate(seconds: number): string {
  return dayjs.unix(seconds).format('L LTS');
}

/** 5373 → "1:29:33" (hours not wrapped into days: no word to translate) */
export function formatSinceInit(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** A clock difference (sign dropped): "5 s", "1:02:03", beyond four days in words ("3 years"). */
export function formatDifference(t: TFunction, seconds: number): string {
  const a = Math.abs(seconds);
  if (a < 60) return t('events.clock.seconds', { n: a });
  if (a < 4 * 86400) return formatSinceInit(a);
  return dayjs.duration(a, 'seconds').humanize();
}

// the literal keys, so the key test sees them used
const SEVERITY_KEY: Record<SelSeverity, string> = {
  info: 'events.severity.info',
  warning: 'events.severity.warning',
  critical: 'events.severity.critical',
};
const DIRECTION_KEY = {
  assertion: 'events.direction.assertion',
  deassertion: 'events.direction.deassertion',
} as const;

export function severityText(t: TFunction, s: SelSeverity): string {
  return t(SEVERITY_KEY[s]);
}

export function directionText(t: TFunction, row: EventRow): string {
  return row.direction ? t(DIRECTION_KEY[row.direction]) : '';
}

export function timeText(t: TFunction, row: EventRow): string {
  if (row.date !== undefined) return formatDate(row.date);
  if (row.sinceInit !== undefined) return t('events.time.preInit', { since: formatSinceInit(row.sinceInit) });
  return row.event.time ? t('events.time.unspecified') : t('events.time.none');
}

/** The type column: the sensor type, or "OEM record c1", or "Linux kernel panic". English keeps
 *  ipmitool's spelling of the sensor type (as `sel elist` prints it); zh-CN words it from its code. */
export function typeText(t: TFunction, row: EventRow, lang: string): string {
  if (row.event.panic !== undefined) return t('events.panic');
  if (row.sensorKey === '') return t('events.oemRecord', { type: row.type });
  const code = row.event.sensor?.type;
  return code === undefined || !lang.startsWith('zh') ? row.type : typeName(t, code, row.type);
}

/** The description column: a standard state in the user's language (the export keeps the English);
 *  OEM bytes, panic text and vendors' own texts as the BMC gave them. */
export function descriptionText(row: EventRow, lang: string): string {
  if (row.event.panic !== undefined || row.sensorKey === '') return row.description;
  return stateText(row.event.stateCode, row.description, lang);
}

/** Everything the row shows, for the free-text search. */
export function shownText(t: TFunction, row: EventRow, lang: string): string {
  return [
    row.id.toString(16),
    String(row.id),
    timeText(t, row),
    row.sensor,
    typeText(t, row, lang),
    severityText(t, row.severity),
    descriptionText(row, lang),
    row.manufacturer ?? '',
    directionText(t, row),
  ].join('\n');
}
