// ipmitool's privilege-level names (lib/ipmi_strings.c ipmi_privlvl_vals) with its "Unknown (0xNN)"
// fallback: unused user slots report level 0 and ipmitool prints exactly that.
import { unknownValue } from './completion-code';

const PRIVILEGE_NAMES: Record<number, string> = {
  1: 'CALLBACK',
  2: 'USER',
  3: 'OPERATOR',
  4: 'ADMINISTRATOR',
  5: 'OEM',
  0x0f: 'NO ACCESS',
};

export const privilegeName = (level: number): string => PRIVILEGE_NAMES[level] ?? unknownValue(level);

/** `privilege=` in `channel setaccess` takes these names (ipmitool str2val on the same table) or a number. */
export function privilegeFromName(text: string): number | undefined {
  for (const [k, v] of Object.entries(PRIVILEGE_NAMES)) if (v === text) return Number(k);
  return undefined;
}
