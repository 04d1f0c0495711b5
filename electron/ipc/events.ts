// Main → renderer events, validated against the contract before they leave. Bridges (ipcMain,
// the e2e WebSocket) subscribe and forward to their pages.
import { events, type EventName, type EventPayload } from '../../shared/contract/events';

export type EventListener = (name: EventName, payload: unknown) => void;

export class EventBus {
  readonly #listeners = new Set<EventListener>();
  subscribe(l: EventListener): () => void {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  }
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const parsed = events[name].parse(payload);
    for (const l of this.#listeners) {
      try {
        l(name, parsed);
      } catch {
        // one broken subscriber (a closed window) must not stop the others
      }
    }
  }
}
