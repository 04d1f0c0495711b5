// The system GUID view (shared/domain/device.ts systemGuid) from Get System GUID, in the byte order
// ipmitool's `mc guid` detects, so the app and `mc guid` show the same text.
import { getSystemGuid } from '../ipmi/commands/app/get-device-guid';
import type { Requester } from '../ipmi/client/requester';
import { detectGuidMode, guidString, guidVersionOf } from '../ipmi/decode/guid';
import type { SystemGuidView } from '../../shared/domain/device';
import { withOptions, type ViewOptions } from './requester-options';

export function systemGuidView(g: Buffer, now = new Date()): SystemGuidView {
  const mode = detectGuidMode(g, now);
  if (mode === 'dump') return { guid: g.toString('hex').toUpperCase(), encoding: 'unknown' };
  return { guid: guidString(g, mode), encoding: mode, version: guidVersionOf(g, mode) };
}

export async function readSystemGuidView(r: Requester, opts: ViewOptions = {}): Promise<SystemGuidView> {
  return systemGuidView(await getSystemGuid(withOptions(r, opts)));
}
