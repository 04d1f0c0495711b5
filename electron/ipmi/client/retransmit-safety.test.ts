// Which requests may be repeated early: the spec's declaration wins, the backstop table and OEM NetFns
// default to "not".
import { describe, expect, it } from 'vitest';
import { isIdempotent, isRead, waitsWriteFloor, WRITE_MIN_RTO_MS } from './retransmit-safety';
import { INITIAL_RTO_MS } from './rtt-estimator';
import { call } from '../commands/command-spec';
import { CHASSIS_CONTROL } from '../commands/chassis/chassis-control';
import { COLD_RESET } from '../commands/app/cold-reset';
import { WARM_RESET } from '../commands/app/warm-reset';
import { GET_CHASSIS_STATUS } from '../commands/chassis/get-chassis-status';
import { answering } from '../commands/fake-requester';

describe('isIdempotent', () => {
  it.each([
    ['Get Device ID', 0x06, 0x01, true],
    ['Get SDR', 0x0a, 0x23, true],
    ['Set User Access', 0x06, 0x43, true],
    ['Chassis Control', 0x00, 0x02, false],
    ['Cold Reset', 0x06, 0x02, false],
    ['Warm Reset', 0x06, 0x03, false],
    ['Clear SEL', 0x0a, 0x47, false],
    ['Add SEL Entry', 0x0a, 0x44, false],
    ['Platform Event', 0x04, 0x02, false],
    ['AMI Set Firewall', 0x32, 0x76, false],
    ['an OEM command', 0x2e, 0x01, false],
  ])('%s', (_name, netFn, cmd, safe) => {
    expect(isIdempotent({ netFn, cmd }, {})).toBe(safe);
  });
  it('the sender can declare either way', () => {
    expect(isIdempotent({ netFn: 0x06, cmd: 0x01 }, { idempotent: false })).toBe(false);
    expect(isIdempotent({ netFn: 0x32, cmd: 0x77 }, { idempotent: true })).toBe(true);
  });
});

describe('CommandSpec.idempotent reaches the requester', () => {
  it.each([CHASSIS_CONTROL, COLD_RESET, WARM_RESET])('$name is declared non-idempotent', async (spec) => {
    expect(spec.idempotent).toBe(false);
    const r = answering({});
    await call(r, spec, Uint8Array.of(0));
    expect(r.sent[0]!.opts).toEqual({ idempotent: false });
  });
  it('a read passes no option: safe by default', async () => {
    const r = answering({ data: [0, 0, 0] });
    await call(r, GET_CHASSIS_STATUS);
    expect(r.sent[0]!.opts).toBeUndefined();
  });
});

describe('writes wait WRITE_MIN_RTO_MS before an early copy', () => {
  it.each([
    [0x00, 0x01, true], // Get Chassis Status
    [0x0a, 0x23, true], // Get SDR
    [0x0a, 0x11, true], // Read FRU Data
    [0x00, 0x04, false], // Chassis Identify: ipmi_sim runs a repeat again
    [0x04, 0x26, false], // Set Sensor Thresholds
    [0x0a, 0x42, false], // Reserve SEL: a repeat cancels the reservation we were answered with
    [0x2e, 0x99, false], // not in the registry: treated as a write
  ])('netFn %i cmd %i read: %s', (netFn, cmd, read) => {
    expect(isRead({ netFn, cmd })).toBe(read);
  });
  it('is the first-contact timeout', () => expect(WRITE_MIN_RTO_MS).toBe(INITIAL_RTO_MS));
  it('spares the session layer (Set Session Privilege Level, Close Session) but not other writes', () => {
    expect(waitsWriteFloor({ netFn: 0x06, cmd: 0x3b })).toBe(false);
    expect(waitsWriteFloor({ netFn: 0x06, cmd: 0x3c })).toBe(false);
    expect(waitsWriteFloor({ netFn: 0x00, cmd: 0x04 })).toBe(true);
    expect(waitsWriteFloor({ netFn: 0x00, cmd: 0x01 })).toBe(false);
  });
});
