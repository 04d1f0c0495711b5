// Get Sensor Hysteresis (IPMI v2.0 §35.7, NetFn Sensor/Event 0x04, cmd 0x25): the raw positive- and
// negative-going threshold hysteresis of a threshold sensor. `event <sensor> <threshold>` uses it to
// put a trigger reading just past the threshold, as ipmitool does.
import type { Requester } from '../../client/requester';
import type { IpmiResponse } from '../../client/requester';
import { sensorRequest, type SensorAddress } from './sensor-reading';

export const CMD_GET_SENSOR_HYSTERESIS_ONLY = 0x25;

export interface SensorHysteresis {
  positive: number;
  negative: number;
}

/** undefined when the reply is too short to hold both values. */
export function decodeSensorHysteresis(data: Uint8Array): SensorHysteresis | undefined {
  return data.length < 2 ? undefined : { positive: data[0]!, negative: data[1]! };
}

/** The raw response; "hysteresis mask" 0xFF as the spec asks. A refusal is left to the caller. */
export async function getSensorHysteresisRaw(r: Requester, s: SensorAddress): Promise<IpmiResponse> {
  return r.raw(sensorRequest(CMD_GET_SENSOR_HYSTERESIS_ONLY, s, 0xff));
}
