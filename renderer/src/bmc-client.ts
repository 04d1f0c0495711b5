// Typed access to window.bmc: unwraps the envelope, throwing BmcError (plain ErrorData inside).
import type { CallInput, CallName, CallResult, EventName, EventPayload } from '../../shared/contract/index';
import type { ErrorData } from '../../shared/errors';

export class BmcError extends Error {
  readonly data: ErrorData;
  constructor(data: ErrorData) {
    super(data.message);
    this.name = 'BmcError';
    this.data = data;
  }
}

export async function call<C extends CallName>(name: C, input: CallInput<C>): Promise<CallResult<C>> {
  const fn = window.bmc[name] as (
    i: CallInput<C>,
  ) => Promise<{ ok: true; value: CallResult<C> } | { ok: false; error: ErrorData }>;
  const r = await fn(input);
  if (r.ok) return r.value;
  throw new BmcError(r.error);
}

export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.bmc.on(event, listener);
}

/** A caller-chosen id for a long operation (subscribe to its progress before starting it). */
export function newOperationId(): string {
  return `op-${crypto.randomUUID()}`;
}

export function errorData(e: unknown): ErrorData {
  return e instanceof BmcError
    ? e.data
    : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
