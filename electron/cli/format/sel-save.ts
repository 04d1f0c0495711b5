// The event file `sel save FILE` writes and `event file FILE` reads back (ipmitool 1.8.19
// ipmi_sel_print_event_file): the 7 platform-event bytes of each record, then a comment naming it.
// Every record is written through the standard-record view, OEM records included, as ipmitool does.
import type { SystemEventRecord } from '../../ipmi/decode/sel-record';
import { sensorTypeLabel } from '../../ipmi/decode/sensor-types';

const h = (n: number) => `0x${n.toString(16).padStart(2, '0')}`;

/** One line, newline included; `description` undefined prints "Unknown". */
export function selEventFileLine(v: SystemEventRecord, description: string | undefined): string {
  const bytes = [
    v.evmRevision,
    v.sensorType,
    v.sensorNumber,
    v.eventType | (v.deassertion ? 0x80 : 0),
    ...v.eventData,
  ];
  return `${bytes.map(h).join(' ')} # ${sensorTypeLabel(v.sensorType)} #${h(v.sensorNumber)} ${description ?? 'Unknown'}\n`;
}

/** strerror(3) texts for the errors opening a file can give. */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
};

export function strerror(e: unknown): string {
  const code = e instanceof Error && 'code' in e ? String(e.code) : '';
  return STRERROR[code] ?? (e instanceof Error ? e.message : String(e));
}
