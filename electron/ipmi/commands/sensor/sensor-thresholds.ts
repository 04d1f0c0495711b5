// Get/Set Sensor Thresholds (NetFn 0x04, cmds 0x27/0x26; IPMI v2.0 §35.8-35.9), Get Sensor Hysteresis
// (0x25), Get Sensor Event Enable (0x29), Get Sensor Event Status (0x2B) and Get Sensor Reading
// Factors (0x23). Threshold values are raw bytes in the sensor's reading format.
import { argumentError, IpmiError } from '../../errors';
import type { Requester, RequestOptions } from '../../client/requester';
import { decodeFactors, type ConversionFactors } from '../../decode/reading-conversion';
import { THRESHOLD_BITS, THRESHOLD_NAMES, type ThresholdName } from '../../decode/sdr/sensor-record-common';
import { checkSensorNumber, NETFN_SENSOR, sensorRequest, type SensorAddress } from './sensor-reading';

export const CMD_GET_SENSOR_READING_FACTORS = 0x23;
export const CMD_SET_SENSOR_THRESHOLDS = 0x26;
export const CMD_GET_SENSOR_THRESHOLDS = 0x27;
export const CMD_GET_SENSOR_HYSTERESIS = 0x25;
export const CMD_GET_SENSOR_EVENT_ENABLE = 0x29;
export const CMD_GET_SENSOR_EVENT_STATUS = 0x2b;

export interface SensorThresholds {
  /** bit 0 lnc, 1 lcr, 2 lnr, 3 unc, 4 ucr, 5 unr */
  readable: number;
  raw: Record<ThresholdName, number>;
}

/** Reply bytes: mask, then lnc, lcr, lnr, unc, ucr, unr (reply order differs from the SDR's). */
export function decodeSensorThresholds(data: Uint8Array): SensorThresholds {
  if (data.length < 7)
    throw new IpmiError('protocol', `Get Sensor Thresholds reply truncated: ${data.length} of 7 bytes`);
  return {
    readable: data[0]! & 0x3f,
    raw: { lnc: data[1]!, lcr: data[2]!, lnr: data[3]!, unc: data[4]!, ucr: data[5]!, unr: data[6]! },
  };
}

export async function getSensorThresholds(
  r: Requester,
  s: SensorAddress,
  opts?: RequestOptions,
): Promise<SensorThresholds> {
  const data = await r.request(sensorRequest(CMD_GET_SENSOR_THRESHOLDS, s), opts);
  return decodeSensorThresholds(data);
}

/** Like getSensorThresholds, but a refusal (sensor without thresholds) gives undefined. */
export async function readThresholdsForList(
  r: Requester,
  s: SensorAddress,
  opts?: RequestOptions,
): Promise<SensorThresholds | undefined> {
  const rsp = await r.raw(sensorRequest(CMD_GET_SENSOR_THRESHOLDS, s), opts);
  if (rsp.completionCode !== 0 || rsp.data.length === 0) return undefined;
  // ipmitool accepts any non-empty reply; pad so a short one reads as zeros rather than failing
  const padded = new Uint8Array(7);
  padded.set(rsp.data.subarray(0, 7));
  return decodeSensorThresholds(padded);
}

export function encodeSetSensorThresholds(
  number: number,
  values: Partial<Record<ThresholdName, number>>,
): Uint8Array {
  checkSensorNumber(number);
  let mask = 0;
  const out = new Uint8Array(8);
  out[0] = number;
  THRESHOLD_NAMES.forEach((name, i) => {
    const v = values[name];
    if (v === undefined) return;
    if (!Number.isInteger(v) || v < 0 || v > 0xff)
      throw argumentError(`raw ${name} threshold ${v} is not a byte`);
    mask |= THRESHOLD_BITS[name];
    out[2 + i] = v;
  });
  if (mask === 0) throw argumentError('no threshold given');
  out[1] = mask;
  return out;
}

export async function setSensorThresholds(
  r: Requester,
  s: SensorAddress,
  values: Partial<Record<ThresholdName, number>>,
  opts?: RequestOptions,
): Promise<void> {
  const data = encodeSetSensorThresholds(s.number, values);
  await r.request({ netFn: NETFN_SENSOR, cmd: CMD_SET_SENSOR_THRESHOLDS, data, lun: s.ownerLun ?? 0 }, opts);
}

export interface SensorHysteresis {
  positive: number;
  negative: number;
}

export async function getSensorHysteresis(
  r: Requester,
  s: SensorAddress,
  opts?: RequestOptions,
): Promise<SensorHysteresis> {
  // 0xFF: "hysteresis mask", reserved, must be FFh
  const data = await r.request(sensorRequest(CMD_GET_SENSOR_HYSTERESIS, s, 0xff), opts);
  if (data.length < 2)
    throw new IpmiError('protocol', `Get Sensor Hysteresis reply truncated: ${data.length} of 2 bytes`);
  return { positive: data[0]!, negative: data[1]! };
}

/** Get Sensor Event Enable / Event Status share a shape: flags, then up to four mask bytes. */
export interface SensorEventBits {
  /** byte 1 bit 7 */
  eventMessagesEnabled: boolean;
  /** byte 1 bit 6 */
  scanningEnabled: boolean;
  /** byte 1 bit 5 (event status only): reading unavailable */
  unavailable: boolean;
  /** the mask bytes actually returned (0-4): assertion low/high, deassertion low/high */
  bytes: Uint8Array;
}

export function decodeSensorEventBits(data: Uint8Array, what: string): SensorEventBits {
  if (data.length < 1) throw new IpmiError('protocol', `${what} reply is empty`);
  const f = data[0]!;
  return {
    eventMessagesEnabled: (f & 0x80) !== 0,
    scanningEnabled: (f & 0x40) !== 0,
    unavailable: (f & 0x20) !== 0,
    bytes: data.slice(1, 5),
  };
}

async function eventBits(
  r: Requester,
  s: SensorAddress,
  cmd: number,
  what: string,
  opts?: RequestOptions,
): Promise<SensorEventBits | undefined> {
  const rsp = await r.raw(sensorRequest(cmd, s), opts);
  if (rsp.completionCode !== 0 || rsp.data.length === 0) return undefined;
  return decodeSensorEventBits(rsp.data, what);
}

/** undefined when the BMC refuses (ipmitool then prints nothing for it). */
export function getSensorEventEnable(
  r: Requester,
  s: SensorAddress,
  opts?: RequestOptions,
): Promise<SensorEventBits | undefined> {
  return eventBits(r, s, CMD_GET_SENSOR_EVENT_ENABLE, 'Get Sensor Event Enable', opts);
}

export function getSensorEventStatus(
  r: Requester,
  s: SensorAddress,
  opts?: RequestOptions,
): Promise<SensorEventBits | undefined> {
  return eventBits(r, s, CMD_GET_SENSOR_EVENT_STATUS, 'Get Sensor Event Status', opts);
}

/** Factors for non-linear sensors (linearization 0x70-0x7F), valid around `raw`. */
export async function getSensorReadingFactors(
  r: Requester,
  s: SensorAddress,
  raw: number,
  opts?: RequestOptions,
): Promise<ConversionFactors> {
  const data = await r.request(sensorRequest(CMD_GET_SENSOR_READING_FACTORS, s, raw & 0xff), opts);
  // byte 1: next reading at which the factors change; bytes 2-7: the SDR's [24..29]
  if (data.length < 7)
    throw new IpmiError('protocol', `Get Sensor Reading Factors reply truncated: ${data.length} of 7 bytes`);
  return decodeFactors(data, 1);
}
