// Starts pyghmi-sensor-bmc.py: a BMC with sensors whose readings are unavailable (byte 2 bit 5 with
// scanning on), scanning disabled, normal and past a threshold, in full and compact records, which
// ipmi_sim cannot produce; for `sensor` / `sdr` parity. RMCP+ only (pyghmi's server); the admin lab user.
import { startPyghmiPeer, type PyghmiPeer } from './pyghmi-peer';

export type PyghmiSensorBmc = PyghmiPeer;

export function startPyghmiSensorBmc(): Promise<PyghmiSensorBmc> {
  return startPyghmiPeer('pyghmi-sensor-bmc.py');
}
