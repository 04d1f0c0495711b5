/** Counters of one session, for diagnostics, tests and the benchmark (round trips = datagrams). */
export interface SessionStats {
  /** datagrams sent, retransmissions and session setup included */
  sent: number;
  /** datagrams accepted as ours */
  received: number;
  retransmits: number;
  /** retransmissions shown needless by a second answer to the same request (see Session) */
  spuriousRetransmits: number;
  logins: number;
  dropped: {
    malformed: number;
    foreignSession: number;
    badIntegrity: number;
    replayed: number;
    unmatched: number;
  };
}

export function newStats(): SessionStats {
  return {
    sent: 0,
    received: 0,
    retransmits: 0,
    spuriousRetransmits: 0,
    logins: 0,
    dropped: { malformed: 0, foreignSession: 0, badIntegrity: 0, replayed: 0, unmatched: 0 },
  };
}
