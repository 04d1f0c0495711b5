// The guard every call passes through, whatever the transport (ipcMain, the e2e WebSocket, tests):
// known name → strict argument parse → handler → result parse → envelope. Nothing reaches a handler,
// and so nothing reaches a BMC, unless its arguments validated.
import { contract, type CallArgs, type CallName, type CallResult } from '../../shared/contract/index';
import type { Envelope } from '../../shared/errors';
import { toErrorData, validationError } from './errors';
import type { Operation, OperationRegistry } from './operations';

export interface CallContext {
  /** aborted on cancel (streaming calls) or when the app quits */
  readonly signal: AbortSignal;
  /** present for calls that declare `progress` */
  readonly operation?: Operation;
}

export type Handler<C extends CallName> = (args: CallArgs<C>, ctx: CallContext) => Promise<CallResult<C>>;
export type Handlers = { readonly [C in CallName]: Handler<C> };

export interface DispatchOptions {
  operations: OperationRegistry;
  /** receives call name and error code only; never arguments or results */
  log?: (line: string) => void;
  /** aborted when the app shuts down */
  shutdown?: AbortSignal;
}

export type Dispatch = (name: string, raw: unknown) => Promise<Envelope<unknown>>;

export function createDispatch(handlers: Handlers, opts: DispatchOptions): Dispatch {
  const log = opts.log ?? (() => undefined);
  const shutdown = opts.shutdown ?? new AbortController().signal;
  return async (name, raw) => {
    if (typeof name !== 'string' || !Object.hasOwn(contract, name)) {
      log(`ipc: unknown call refused`);
      return { ok: false, error: { code: 'unknown-call', message: 'unknown call' } };
    }
    const c = name as CallName;
    const def = contract[c];
    const parsed = def.input.safeParse(raw);
    if (!parsed.success) {
      const error = validationError(parsed.error.issues);
      log(`ipc: ${c} refused: invalid ${error.field ?? ''}`);
      return { ok: false, error };
    }
    try {
      const handler = handlers[c] as (a: unknown, ctx: CallContext) => Promise<unknown>;
      const args = parsed.data as { operationId?: string };
      const value =
        'progress' in def && def.progress && typeof args.operationId === 'string'
          ? await opts.operations.run(args.operationId, c, (operation) =>
              handler(args, { signal: anySignal(operation.signal, shutdown), operation }),
            )
          : await handler(args, { signal: shutdown });
      const out = def.output.safeParse(value);
      if (!out.success) {
        log(`ipc: ${c} produced a result outside its schema`);
        return { ok: false, error: { code: 'internal', message: 'internal error' } };
      }
      return { ok: true, value: out.data };
    } catch (e) {
      const error = toErrorData(e, (err) =>
        log(`ipc: ${c} internal error: ${err instanceof Error ? err.name : typeof err}`),
      );
      log(`ipc: ${c} failed: ${error.code}`);
      return { ok: false, error };
    }
  };
}

function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  return AbortSignal.any([a, b]);
}

export type { CallName, CallResult };
