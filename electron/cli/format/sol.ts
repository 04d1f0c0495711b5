// `ipmitool sol info` text (lib/ipmi_sol.c ipmi_print_sol_info, ipmi_get_sol_info, 1.8.19), printed from
// the SOL view (electron/views/sol.ts). Parameters
// the BMC does not support print as zero, each with an "Info:" line on stderr; payload channel and port
// fall back to the asked channel and the session's UDP port, as ipmitool does.
import type { SolParamName } from '../../ipmi/commands/transport/sol-config';
import type { SolConfigurationView } from '../../../shared/domain/sol';
import { unknownValue } from './completion-code';
import { privilegeName } from './privilege-name';

const PARAM_TEXT: Record<SolParamName, string> = {
  setInProgress: 'Set In Progress (0)',
  enable: 'Enable (1)',
  authentication: 'Authentication (2)',
  characterInterval: 'Character Interval (3)',
  retry: 'Retry (4)',
  nonVolatileBitRate: 'Nonvolatile Bitrate (5)',
  volatileBitRate: 'Volatile Bitrate (6)',
  payloadChannel: 'Payload Channel (7)',
  payloadPort: 'Payload Port (8)',
};
const SET_IN_PROGRESS: Record<NonNullable<SolConfigurationView['setInProgress']>, string> = {
  complete: 'set-complete',
  'in-progress': 'set-in-progress',
  'commit-write': 'commit-write',
  reserved: unknownValue(3),
};
const BIT_RATE: Record<number, string> = {
  0: 'IPMI-Over-Serial-Setting',
  6: '9.6',
  7: '19.2',
  8: '38.4',
  9: '57.6',
  10: '115.2',
};
const bitRate = (c: number) => BIT_RATE[c] ?? unknownValue(c);

/** The "Info:" lines ipmitool writes to stderr while reading. */
export function formatSolInfoNotices(
  cfg: SolConfigurationView,
  channel: number,
  sessionPort: number,
): string {
  return (cfg.unsupported as SolParamName[])
    .map((p) => {
      const base = `Info: SOL parameter '${PARAM_TEXT[p]}' not supported`;
      if (p === 'payloadChannel')
        return `${base} - defaulting to 0x${channel.toString(16).padStart(2, '0')}\n`;
      if (p === 'payloadPort') return `${base} - defaulting to ${sessionPort}\n`;
      return base + '\n';
    })
    .join('');
}

export function formatSolInfo(
  cfg: SolConfigurationView,
  channel: number,
  sessionPort: number,
  csv = false,
): string {
  const payloadChannel = cfg.payloadChannel ?? channel;
  const v = [
    SET_IN_PROGRESS[cfg.setInProgress ?? 'complete'],
    cfg.enabled ? 'true' : 'false',
    cfg.forceEncryption ? 'true' : 'false',
    cfg.forceAuthentication ? 'true' : 'false',
    privilegeName(cfg.privilegeLevel ?? 0),
    String(cfg.characterAccumulateIntervalMs ?? 0),
    String(cfg.characterSendThreshold ?? 0),
    String(cfg.retryCount ?? 0),
    String(cfg.retryIntervalMs ?? 0),
    bitRate(cfg.volatileBitRate?.code ?? 0),
    bitRate(cfg.nonVolatileBitRate?.code ?? 0),
  ];
  const port = cfg.payloadPort ?? sessionPort;
  if (csv) {
    // ipmitool's CSV repeats force-encryption where force-authentication belongs; kept for parity
    v[3] = v[2]!;
    return v.join(',') + `,${payloadChannel},${port}\n`;
  }
  const names = [
    'Set in progress',
    'Enabled',
    'Force Encryption',
    'Force Authentication',
    'Privilege Level',
    'Character Accumulate Level (ms)',
    'Character Send Threshold',
    'Retry Count',
    'Retry Interval (ms)',
    'Volatile Bit Rate (kbps)',
    'Non-Volatile Bit Rate (kbps)',
  ];
  let s = names.map((n, i) => `${n.padEnd(32)}: ${v[i]!}\n`).join('');
  s += `${'Payload Channel'.padEnd(32)}: ${payloadChannel} (0x${payloadChannel.toString(16).padStart(2, '0')})\n`;
  s += `${'Payload Port'.padEnd(32)}: ${port}\n`;
  return s;
}
