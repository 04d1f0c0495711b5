// What the export writes: the rows shown (the filter applied), as CSV (one line per event, stable English
// column names and values so scripts can read it) or JSON (the full event views, raw bytes included),
// handed to the browser as a download.
import { toCsv } from './csv';
import type { EventRow } from './event-rows';

export const CSV_HEADER = [
  'id',
  'time',
  'pre_init_seconds',
  'sensor',
  'sensor_type',
  'severity',
  'description',
  'direction',
  'record_type',
  'raw',
] as const;

export function eventsCsv(rows: readonly EventRow[]): string {
  return toCsv(
    CSV_HEADER,
    rows.map((r) => [
      r.id,
      r.date !== undefined ? new Date(r.date * 1000).toISOString() : '',
      r.sinceInit ?? '',
      r.sensor,
      r.type,
      r.severity,
      r.description,
      r.direction ?? '',
      r.event.recordType.toString(16).padStart(2, '0'),
      r.event.raw,
    ]),
  );
}

export function eventsJson(host: { name: string; address: string }, rows: readonly EventRow[]): string {
  return (
    JSON.stringify(
      {
        host: host.name,
        address: host.address,
        exportedAt: new Date().toISOString(),
        count: rows.length,
        events: rows.map((r) => r.event),
      },
      null,
      2,
    ) + '\n'
  );
}

/** "<host>-sel-20261204-184512.<ext>", with characters file systems refuse replaced. */
export function exportFileName(hostName: string, ext: 'csv' | 'json', now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  const safe = hostName.replace(/[\\/:*?"<>|\s]+/g, '_') || 'host';
  return `${safe}-sel-${stamp}.${ext}`;
}

/** Save text through the browser's download (Electron shows its save dialog). */
export function download(fileName: string, text: string, mime: string): void {
  // a BOM so spreadsheet programs read CSV as UTF-8 (sensor names may be Chinese)
  const blob = new Blob(mime === 'text/csv' ? ['\ufeff', text] : [text], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // the download has taken its copy once click() returns; revoke on the next turn
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
