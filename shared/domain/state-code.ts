// A discrete state as codes rather than words: which table (event/reading type, and for the
// sensor-specific type 0x6F the sensor type) and which offset. The views carry ipmitool's English text
// for the CLI; this lets the renderer word the same state in the user's language.
import { z } from 'zod';

const u8 = z.number().int().min(0).max(0xff);

export const stateCode = z.strictObject({
  /** event/reading type (IPMI v2.0 table 42-1): 0x01 threshold, 0x02-0x0C generic, 0x6F sensor-specific */
  readingType: u8,
  /** sensor type (table 42-3); selects the table when readingType is 0x6F */
  sensorType: u8,
  /** the state's offset in its table (0-14) */
  offset: z.number().int().min(0).max(15),
  /** event data 2, for the few offsets whose text depends on it (SEL records that specify it) */
  data2: u8.optional(),
});
export type StateCode = z.infer<typeof stateCode>;
