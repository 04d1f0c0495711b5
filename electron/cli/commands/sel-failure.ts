// How `sel` words a failed request, shared by sel.ts and sel-get.ts (kept apart from both so that
// neither imports the other: sel.ts dispatches to sel-get.ts).
import { IpmiError } from '../../ipmi/errors';
import { completionCodeText } from '../../ipmi/message/completion-codes';

/** "<what> failed: <completion code text>" the way ipmitool words a refusal; other errors verbatim. */
export function failureText(what: string, e: unknown): string {
  if (e instanceof IpmiError && e.completionCode !== undefined)
    return `${what}: ${completionCodeText(e.completionCode)}`;
  if (e instanceof IpmiError && e.kind === 'timeout') return what;
  return `${what}: ${e instanceof Error ? e.message : String(e)}`;
}
