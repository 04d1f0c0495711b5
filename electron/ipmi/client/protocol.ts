// What the generic session needs from a protocol (IPMI 1.5 or RMCP+): a login, and the framing of
// in-session messages. Login talks through an Exchanger that owns retransmission and timeouts.
import type { SessionInfo } from './connect';

export type DropReason = 'malformed' | 'foreignSession' | 'badIntegrity' | 'replayed';

export interface Exchanger {
  /** Sends the datagram built by `build` (rebuilt on every try) until `match` accepts a reply.
   *  `idempotent: false`: never repeated early on the adaptive timer (a step that creates BMC state);
   *  `steady`: then on the steady schedule (RetransmitPolicy.steady) instead of the fixed one. */
  exchange<T>(
    name: string,
    build: () => Buffer,
    match: (datagram: Buffer) => T | undefined,
    opts?: { idempotent?: boolean; steady?: boolean },
  ): Promise<T>;
  /** Sends an in-session request during login (e.g. Set Session Privilege Level). */
  request(
    netFn: number,
    cmd: number,
    data: Uint8Array,
    name: string,
  ): Promise<{ completionCode: number; data: Buffer }>;
  /** Fire and forget (e.g. a RAKP 3 that reports our verification failure to the BMC). */
  sendOnce(datagram: Buffer): void;
}

export interface Protocol {
  readonly info: SessionInfo | undefined;
  login(x: Exchanger): Promise<void>;
  /** Frames an in-session IPMI message with the next outbound session sequence number. */
  wrap(message: Buffer): Buffer;
  /** The IPMI message inside a datagram of this session, or why it was dropped. */
  unwrap(datagram: Buffer): Buffer | DropReason | undefined;
  /** Message to send to close the session, or undefined when no session is open. */
  closeRequestData(): Buffer | undefined;
  /** Forget the session state before a new login. */
  reset(): void;
}
