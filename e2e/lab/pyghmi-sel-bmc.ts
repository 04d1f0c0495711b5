// Starts pyghmi-sel-bmc.py: the SEL, event, PEF and session commands ipmi_sim lacks
// (Platform Event Message, Last Processed Event ID, LAN alert destinations, Board ID). RMCP+ only.
import { startPyghmiPeer, type PyghmiPeer } from './pyghmi-peer';

export type PyghmiSelBmc = PyghmiPeer;

export interface PyghmiSelBmcOptions {
  /** Get Device ID manufacturer (IANA); 10876 makes it a Supermicro BMC that answers Get Board ID */
  manufacturerId?: number;
  productId?: number;
  /** what Get Board ID answers (Supermicro only); default 0x0872 (X10QRH, DIMM scheme 4) */
  boardId?: number;
  /** event filters in the PEF filter table, 0-3; default 3 */
  eventFilters?: number;
}

export function startPyghmiSelBmc(opts: PyghmiSelBmcOptions = {}): Promise<PyghmiSelBmc> {
  const args: string[] = [];
  if (opts.manufacturerId !== undefined) args.push('--mfg', String(opts.manufacturerId));
  if (opts.productId !== undefined) args.push('--product', String(opts.productId));
  if (opts.boardId !== undefined) args.push('--board-id', String(opts.boardId));
  if (opts.eventFilters !== undefined) args.push('--filters', String(opts.eventFilters));
  return startPyghmiPeer('pyghmi-sel-bmc.py', args);
}
