// Long operations: the caller picks an operation id, subscribes to `operation.progress`, makes the call,
// and may cancel it with `operations.cancel`. The registry owns one AbortController per running id.
import type { EventBus } from './events';

export class OperationConflictError extends Error {
  constructor(readonly operationId: string) {
    super(`operation ${operationId} is already running`);
    this.name = 'OperationConflictError';
  }
}

export interface Operation {
  readonly id: string;
  readonly signal: AbortSignal;
  /** emits one `operation.progress` event */
  progress(done: number, total: number, item: unknown): void;
}

export class OperationRegistry {
  readonly #running = new Map<string, AbortController>();
  constructor(private readonly events: EventBus) {}

  get running(): number {
    return this.#running.size;
  }

  async run<T>(id: string, call: string, fn: (op: Operation) => Promise<T>): Promise<T> {
    if (this.#running.has(id)) throw new OperationConflictError(id);
    const ac = new AbortController();
    this.#running.set(id, ac);
    const op: Operation = {
      id,
      signal: ac.signal,
      progress: (done, total, item) =>
        this.events.emit('operation.progress', { operationId: id, call, done, total, item }),
    };
    try {
      return await fn(op);
    } finally {
      this.#running.delete(id);
    }
  }

  cancel(id: string): boolean {
    const ac = this.#running.get(id);
    if (!ac) return false;
    ac.abort();
    return true;
  }

  cancelAll(): void {
    for (const ac of this.#running.values()) ac.abort();
  }
}
