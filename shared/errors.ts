// Errors as plain data: what crosses IPC (and the e2e WebSocket) when a call fails. The renderer turns
// `code` into text in the user's language; `message` is English for logs. Never carries a secret.
import { z } from 'zod';

export const ERROR_CODES = [
  // before anything was sent
  'invalid-argument', // a field failed its schema; `field` names it
  'unknown-call',
  'forbidden', // the sender is not our own top-level page
  'not-found', // no host with that id
  'conflict', // e.g. an operation id already in use
  'csv-invalid', // an import row is bad; `line` names it, nothing was applied
  'no-password', // no password stored for the host
  'keychain-unavailable',
  'cancelled',
  'internal',
  // from the IPMI stack (IpmiErrorKind)
  'timeout',
  'unknown-user',
  'wrong-password',
  'auth-failed',
  'unsupported-cipher-suite',
  'unsupported-auth-type',
  'insecure-refused',
  'privilege',
  'completion-code',
  'rmcp-status',
  'argument',
  'protocol',
  'closed',
  'unsupported',
  'busy', // BMC "node busy" (0xC0) or another exclusive operation on the host: try again
  'verify-failed', // the write was accepted, the read-back shows another value
  'lockout', // the change would cut this app off the BMC; apply again with the user's confirmation
  'stale-plan', // the BMC's state changed since the plan was made (or the plan expired): plan again
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorIssue = z.strictObject({ path: z.string(), message: z.string() });

export const errorData = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  host: z.string().optional(),
  command: z.string().optional(),
  completionCode: z.number().int().optional(),
  /** with completionCode: the request that was refused, so a UI can pick a command-specific text */
  netFn: z.number().int().optional(),
  cmd: z.number().int().optional(),
  rmcpStatus: z.number().int().optional(),
  /** lockout / stale-plan / verify-failed: machine-readable reasons (see shared/domain/plan.ts) */
  reasons: z.array(z.string().max(64)).max(20).optional(),
  /** first invalid field, dotted path ("host.address") */
  field: z.string().optional(),
  /** CSV import: 1-based line of the first bad row */
  line: z.number().int().optional(),
  issues: z.array(errorIssue).optional(),
});
export type ErrorData = z.infer<typeof errorData>;

/** Every call answers with an envelope, so error codes survive Electron's IPC (which keeps only `message`). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
