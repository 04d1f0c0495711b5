// Get Sensor Reading (NetFn Sensor/Event 0x04, cmd 0x2D; IPMI v2.0 §35.14) and what the reply says
// about a sensor's health.
import { argumentError, IpmiError } from '../../errors';
import type { IpmiRequest, Requester, RequestOptions } from '../../client/requester';

export const NETFN_SENSOR = 0x04;
export const CMD_GET_SENSOR_READING = 0x2d;

export interface SensorReading {
  raw: number;
  /** byte 2 bit 7 = 0 means all event messages from this sensor are disabled */
  eventMessagesEnabled: boolean;
  /** byte 2 bit 6 = 0: sensor scanning disabled (no valid reading) */
  scanningEnabled: boolean;
  /** byte 2 bit 5: reading/state unavailable (e.g. the device is absent) */
  unavailable: boolean;
  /** byte 3: threshold sensors bits 0-5 = at/beyond lnc, lcr, lnr, unc, ucr, unr; discrete: states 0-7 */
  state1: number;
  /** byte 4 (optional): discrete states 8-14 */
  state2: number;
  /** whether the reading byte may be used: scanning on and not unavailable */
  valid: boolean;
}

export function decodeSensorReading(data: Uint8Array): SensorReading {
  if (data.length < 2)
    throw new IpmiError('protocol', `Get Sensor Reading reply truncated: ${data.length} of at least 2 bytes`);
  const flags = data[1]!;
  const scanningEnabled = (flags & 0x40) !== 0;
  const unavailable = (flags & 0x20) !== 0;
  return {
    raw: data[0]!,
    eventMessagesEnabled: (flags & 0x80) !== 0,
    scanningEnabled,
    unavailable,
    state1: data[2] ?? 0,
    state2: data[3] ?? 0,
    valid: scanningEnabled && !unavailable,
  };
}

export function checkSensorNumber(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 0xfe) throw argumentError(`sensor number ${n} is not 0-254`);
}

export interface SensorAddress {
  number: number;
  /** owner LUN, default 0 */
  ownerLun?: number;
}

/** A Sensor/Event request about one sensor: its number (checked), then `more` bytes, to its owner LUN. */
export function sensorRequest(cmd: number, s: SensorAddress, ...more: number[]): IpmiRequest {
  checkSensorNumber(s.number);
  return { netFn: NETFN_SENSOR, cmd, data: Uint8Array.of(s.number, ...more), lun: s.ownerLun ?? 0 };
}

/** Reads one sensor; a non-zero completion code rejects (use `readSensorRaw` to keep it). */
export async function getSensorReading(
  r: Requester,
  s: SensorAddress,
  opts?: RequestOptions,
): Promise<SensorReading> {
  const data = await r.request(sensorRequest(CMD_GET_SENSOR_READING, s), opts);
  return decodeSensorReading(data);
}

/**
 * Reads one sensor for a listing: a completion code (sensor absent, event-only, ...) or a malformed
 * reply gives undefined instead of failing the whole list, as ipmitool shows "no reading"/"ns".
 */
export async function readSensorForList(
  r: Requester,
  s: SensorAddress,
  opts?: RequestOptions,
): Promise<SensorReading | undefined> {
  const rsp = await r.raw(sensorRequest(CMD_GET_SENSOR_READING, s), opts);
  if (rsp.completionCode !== 0 || rsp.data.length < 2) return undefined;
  return decodeSensorReading(rsp.data);
}

export type SensorHealth = 'ok' | 'nc' | 'cr' | 'nr' | 'ns';

/**
 * ipmitool's status column: for threshold sensors the most severe crossed threshold (nr before cr
 * before nc, lower before upper), "ns" without a valid reading; discrete sensors are "ok" whenever
 * they have a reading.
 */
export function sensorHealth(reading: SensorReading | undefined, thresholdSensor: boolean): SensorHealth {
  if (!reading || !reading.valid) return 'ns';
  if (!thresholdSensor) return 'ok';
  const s = reading.state1;
  if (s & 0x24) return 'nr';
  if (s & 0x12) return 'cr';
  if (s & 0x09) return 'nc';
  return 'ok';
}

/** ipmitool's verbose spelling (`sdr get`, `sensor get`, and their `-c` forms): the threshold in words. */
export function sensorHealthVerbose(reading: SensorReading | undefined, invalid: string): string {
  if (!reading || !reading.valid) return invalid;
  const words: Record<string, string> = {
    lnr: 'Lower Non-Recoverable',
    unr: 'Upper Non-Recoverable',
    lcr: 'Lower Critical',
    ucr: 'Upper Critical',
    lnc: 'Lower Non-Critical',
    unc: 'Upper Non-Critical',
  };
  return words[sensorHealthDetailed(reading)] ?? 'ok';
}

/** ipmitool's `sdr elist` spelling of the same: which threshold, lower or upper. */
export function sensorHealthDetailed(reading: SensorReading | undefined): string {
  if (!reading || !reading.valid) return 'ns';
  const s = reading.state1;
  for (const [bit, name] of [
    [0x04, 'lnr'],
    [0x20, 'unr'],
    [0x02, 'lcr'],
    [0x10, 'ucr'],
    [0x01, 'lnc'],
    [0x08, 'unc'],
  ] as const) {
    if (s & bit) return name;
  }
  return 'ok';
}
