// Any request by number, for vendor extensions and for scripts. Every field is checked before
// anything is sent: a NetFn outside 6 bits or a "byte" outside 0..255 would otherwise be silently
// truncated into a different, possibly destructive, command (ipmitool sends netfn 0x40 as 0x00).
import type { IpmiResponse, Requester } from '../../client/requester';
import { argumentError } from '../../errors';

/** Requests are carried in one IPMI message; 255 bytes leaves room for the header on any transport. */
export const RAW_MAX_DATA = 255;

export interface RawRequest {
  netFn: number;
  cmd: number;
  data?: readonly number[] | Uint8Array;
  lun?: number;
}

export interface ValidRawRequest {
  netFn: number;
  cmd: number;
  data: Uint8Array;
  lun: number;
}

export function validateRawRequest(req: RawRequest): ValidRawRequest {
  const intIn = (v: unknown, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
  if (!intIn(req.netFn, 0x3f))
    throw argumentError(`NetFn must be 0x00..0x3f, got ${String(req.netFn)}`, { command: 'raw' });
  if (!intIn(req.cmd, 0xff))
    throw argumentError(`command must be 0x00..0xff, got ${String(req.cmd)}`, { command: 'raw' });
  const lun = req.lun ?? 0;
  if (!intIn(lun, 3)) throw argumentError(`LUN must be 0..3, got ${String(lun)}`, { command: 'raw' });
  const data = Array.from(req.data ?? []);
  if (data.length > RAW_MAX_DATA)
    throw argumentError(`at most ${RAW_MAX_DATA} data bytes, got ${data.length}`, { command: 'raw' });
  data.forEach((b, i) => {
    if (!intIn(b, 0xff))
      throw argumentError(`data byte ${i + 1} must be 0x00..0xff, got ${String(b)}`, { command: 'raw' });
  });
  return { netFn: req.netFn, cmd: req.cmd, lun, data: Uint8Array.from(data) };
}

/** Sends the request as given; the completion code is returned, not thrown. */
export async function rawRequest(r: Requester, req: RawRequest): Promise<IpmiResponse> {
  const v = validateRawRequest(req);
  // Of unknown effect: retransmitted only as a non-idempotent command would be.
  return r.raw({ netFn: v.netFn, cmd: v.cmd, data: v.data, lun: v.lun }, { idempotent: false });
}
