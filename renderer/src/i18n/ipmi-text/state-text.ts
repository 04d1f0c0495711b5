// Discrete states in the user's language. The views carry ipmitool's English words (the CLI prints
// them) and the state as codes; in zh-CN the codes pick the Chinese text, and anything the tables do not
// know (OEM types, a vendor's own text, no code) stays as the BMC's English.
import type { StateCode } from '../../../../shared/domain/state-code';
import { ZH_GENERIC } from './generic-states';
import { ZH_SENSOR_SPECIFIC } from './sensor-specific-states';

const SENSOR_SPECIFIC = 0x6f;

/** The zh-CN text of a state, or undefined when the tables have none. */
export function zhStateText(code: StateCode): string | undefined {
  const specific = code.readingType === SENSOR_SPECIFIC;
  const entries = (specific ? ZH_SENSOR_SPECIFIC : ZH_GENERIC)[specific ? code.sensorType : code.readingType];
  // the same rule as main's eventText: a text for one event data 2 value only when data 2 is given
  for (const [offset, text, data2] of entries ?? []) {
    if (offset !== code.offset) continue;
    if (data2 === undefined || (code.data2 !== undefined && data2 === code.data2)) return text;
  }
  return undefined;
}

/** The state as the user reads it: Chinese in zh-CN when the code is known, else the English text. */
export function stateText(code: StateCode | undefined, english: string, lang: string): string {
  if (!code || !lang.startsWith('zh')) return english;
  return zhStateText(code) ?? english;
}
