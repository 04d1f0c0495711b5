// raw.send: one request by number through commands/raw/raw-request.ts (checked before sending, never
// retransmitted early); the completion code is part of the answer, not an error.
import type { Requester } from '../ipmi/client/requester';
import { rawRequest, type RawRequest } from '../ipmi/commands/raw/raw-request';
import { withOptions, type ViewOptions } from './requester-options';

export async function sendRawView(
  r: Requester,
  req: RawRequest,
  opts?: ViewOptions,
): Promise<{ completionCode: number; data: number[] }> {
  const rsp = await rawRequest(withOptions(r, opts), req);
  return { completionCode: rsp.completionCode, data: [...rsp.data] };
}
