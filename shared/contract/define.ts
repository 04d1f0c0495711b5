// Building blocks for the contract. A call has a dotted name (the key in the merged contract), a strict
// argument schema, a result schema and a valid example argument (the contract tests derive invalid
// variants from the schema and check the example passes). A streaming call also declares the schema of
// its progress items; its argument carries a caller-chosen operation id so the caller can subscribe to
// progress and cancel before the result arrives.
import { z } from 'zod';

/**
 * The least IPMI privilege the call needs on the BMC ('none': it never talks to a BMC). The UI greys out
 * what the host's configured privilege cannot do; main opens the session at the host's level.
 */
export const PRIVILEGES = ['none', 'user', 'operator', 'administrator'] as const;
export type CallPrivilege = (typeof PRIVILEGES)[number];

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly example: z.input<I>;
  readonly summary: string;
  readonly privilege: CallPrivilege;
  /** present on long operations: the shape of each `operation.progress` item */
  readonly progress?: z.ZodType;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(def: CallDef<I, O>): CallDef<I, O> => def;

export const operationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not an operation id');

export const noArgs = z.strictObject({});
