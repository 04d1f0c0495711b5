// Inbound session sequence numbers: accept each number once, tolerate reordering within a window
// (IPMI v2.0 §6.12.13 asks for ±8; we keep 32 behind so a reordering network is not mistaken for replay).
const WINDOW = 32;

export class SequenceWindow {
  private highest: number | undefined;
  private seen = 0; // bit i = highest - i was received

  /** Returns true when seq is new and records it; false for a replay or something too old. */
  accept(seq: number): boolean {
    seq >>>= 0;
    if (this.highest === undefined) {
      this.highest = seq;
      this.seen = 1;
      return true;
    }
    const ahead = (seq - this.highest) | 0; // signed distance with 32-bit wrap
    if (ahead > 0) {
      this.seen = ahead >= WINDOW ? 1 : ((this.seen << ahead) | 1) >>> 0;
      this.highest = seq;
      return true;
    }
    const behind = -ahead;
    if (behind >= WINDOW) return false;
    const bit = 1 << behind;
    if (this.seen & bit) return false;
    this.seen = (this.seen | bit) >>> 0;
    return true;
  }

  reset(): void {
    this.highest = undefined;
    this.seen = 0;
  }
}
