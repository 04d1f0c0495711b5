// What the generic session needs from a protocol (IPMI 1.5 or RMCP+); the types live in session-types.ts
// (no import cycle between the session and its protocols), re-exported here under their old address.
export type { DropReason, Exchanger, Protocol } from './session-types';
