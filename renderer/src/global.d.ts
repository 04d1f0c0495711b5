import type { BmcApi } from '../../shared/contract/index';

declare global {
  interface Window {
    /** exposed by the preload (Electron) or the e2e init script (WebSocket); same shape */
    readonly bmc: BmcApi;
  }
}
export {};
