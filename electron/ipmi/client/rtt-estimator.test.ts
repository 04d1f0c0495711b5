// RFC 6298 arithmetic, the floors and the queueing allowance of the per-host retransmission timeout.
import { describe, expect, it } from 'vitest';
import { MIN_RTO_MS, RttEstimator, UNSEEN_COMMAND_MIN_RTO_MS, rttEstimatorFor } from './rtt-estimator';

describe('RttEstimator', () => {
  it('no sample: no RTO (the caller uses its initial timer)', () => {
    expect(new RttEstimator().rto()).toBeUndefined();
  });
  it('RFC 6298: SRTT = R, RTTVAR = R/2 on the first sample; then alpha 1/8, beta 1/4; RTO = SRTT + 4 RTTVAR', () => {
    const e = new RttEstimator(0);
    e.sample(100);
    expect(e.rto()).toBe(100 + 4 * 50);
    e.sample(200);
    // RTTVAR = 3/4·50 + 1/4·|100 − 200| = 62.5; SRTT = 7/8·100 + 1/8·200 = 112.5
    expect(e.rto()).toBe(Math.round(112.5 + 4 * 62.5));
  });
  it('never below the floor', () => {
    const e = new RttEstimator();
    for (let i = 0; i < 20; i++) e.sample(1);
    expect(e.rto()).toBe(MIN_RTO_MS);
  });
  it('a command not timed yet waits as long as a login step; a slow one keeps twice its own time', () => {
    const e = new RttEstimator();
    for (let i = 0; i < 20; i++) e.sample(2, 0x0601);
    expect(e.rto(0x0601)).toBe(MIN_RTO_MS);
    expect(e.rto(0x0001)).toBe(UNSEEN_COMMAND_MIN_RTO_MS);
    e.sample(90, 0x0a23);
    expect(e.rto(0x0a23)).toBe(180);
    expect(e.rto(0x0601)).toBeLessThan(180); // the slow command does not slow the others as much
  });
  it('each request already in flight adds one smoothed round trip', () => {
    const e = new RttEstimator(0);
    for (let i = 0; i < 50; i++) e.sample(10);
    const alone = e.rto()!;
    expect(e.rto(undefined, 15)).toBeCloseTo(alone + 150, 0);
  });
  it('ignores nonsense samples', () => {
    const e = new RttEstimator();
    e.sample(Number.NaN);
    e.sample(-5);
    expect(e.samples).toBe(0);
  });
  it('is shared per BMC address and port', () => {
    expect(rttEstimatorFor('10.0.0.1', 623)).toBe(rttEstimatorFor('10.0.0.1', 623));
    expect(rttEstimatorFor('FE80::1', 623)).toBe(rttEstimatorFor('fe80::1', 623));
    expect(rttEstimatorFor('10.0.0.1', 623)).not.toBe(rttEstimatorFor('10.0.0.1', 624));
  });
});
