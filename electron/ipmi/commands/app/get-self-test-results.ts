// Get Self Test Results (IPMI v2.0 §20.4, NetFn App 0x06, cmd 0x04). Byte 1: 0x55 passed, 0x56 not
// implemented, 0x57 corrupted or inaccessible data or devices (byte 2 says which), 0x58 fatal
// hardware error (byte 2 device-specific), anything else device-specific.
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';

export const GET_SELF_TEST_RESULTS: CommandSpec = { netFn: 0x06, cmd: 0x04, name: 'Get Self Test Results' };

/** Byte 2 bits for result 0x57, bit 0 first. */
export const SELF_TEST_FAILURE_BITS = [
  'firmware-corrupted',
  'boot-block-corrupted',
  'fru-internal-use-corrupted',
  'sdr-repository-empty',
  'ipmb-not-responding',
  'bmc-fru-inaccessible',
  'sdr-repository-inaccessible',
  'sel-inaccessible',
] as const;
export type SelfTestFailure = (typeof SELF_TEST_FAILURE_BITS)[number];

export type SelfTestResult =
  | { result: 'passed'; code: 0x55; detail: number }
  | { result: 'not-implemented'; code: 0x56; detail: number }
  | { result: 'device-error'; code: 0x57; detail: number; failures: SelfTestFailure[] }
  | { result: 'fatal'; code: 0x58; detail: number }
  | { result: 'device-specific'; code: number; detail: number };

export function decodeSelfTestResults(data: Uint8Array, host = ''): SelfTestResult {
  requireLength(data, 2, GET_SELF_TEST_RESULTS, host);
  const code = data[0]!;
  const detail = data[1]!;
  switch (code) {
    case 0x55:
      return { result: 'passed', code, detail };
    case 0x56:
      return { result: 'not-implemented', code, detail };
    case 0x57:
      return {
        result: 'device-error',
        code,
        detail,
        failures: SELF_TEST_FAILURE_BITS.filter((_, i) => (detail & (1 << i)) !== 0),
      };
    case 0x58:
      return { result: 'fatal', code, detail };
    default:
      return { result: 'device-specific', code, detail };
  }
}

export async function getSelfTestResults(r: Requester): Promise<SelfTestResult> {
  return decodeSelfTestResults(await call(r, GET_SELF_TEST_RESULTS), r.host);
}
