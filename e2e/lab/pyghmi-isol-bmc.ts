// Starts pyghmi-isol-bmc.py: a BMC that has the IPMI v1.5 SOL configuration commands (NetFn 0x34)
// ipmi_sim lacks, for `isol` parity. RMCP+ only (pyghmi's server); the admin lab user only.
import { startPyghmiPeer, type PyghmiPeer } from './pyghmi-peer';

export type PyghmiIsolBmc = PyghmiPeer;

export interface IsolBmcOptions {
  /** parameter 1, default enabled */
  enabled?: boolean;
  /** parameter 2 byte, default 0x84 (ADMINISTRATOR, bit 7 set) */
  authentication?: number;
  /** parameter 5 code, default 0x0a (115.2 kbps) */
  bitRate?: number;
}

export function startPyghmiIsolBmc(opts: IsolBmcOptions = {}): Promise<PyghmiIsolBmc> {
  return startPyghmiPeer('pyghmi-isol-bmc.py', [
    '--enabled',
    opts.enabled === false ? '0' : '1',
    '--auth',
    String(opts.authentication ?? 0x84),
    '--bit-rate',
    String(opts.bitRate ?? 0x0a),
  ]);
}
