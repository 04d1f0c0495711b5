// Sensor unit type codes (IPMI v2.0 table 43-15) and how a reading's unit is spelled. The names are
// ipmitool 1.8.19's (lib/ipmi_sdr.c unit table) because `sdr list` and `sensor list` print them.

/** index = unit type code (0-92) */
export const UNIT_NAMES: readonly string[] = [
  'unspecified',
  'degrees C',
  'degrees F',
  'degrees K',
  'Volts',
  'Amps',
  'Watts',
  'Joules',
  'Coulombs',
  'VA',
  'Nits',
  'lumen',
  'lux',
  'Candela',
  'kPa',
  'PSI',
  'Newton',
  'CFM',
  'RPM',
  'Hz',
  'microsecond',
  'millisecond',
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'mil',
  'inches',
  'feet',
  'cu in',
  'cu feet',
  'mm',
  'cm',
  'm',
  'cu cm',
  'cu m',
  'liters',
  'fluid ounce',
  'radians',
  'steradians',
  'revolutions',
  'cycles',
  'gravities',
  'ounce',
  'pound',
  'ft-lb',
  'oz-in',
  'gauss',
  'gilberts',
  'henry',
  'millihenry',
  'farad',
  'microfarad',
  'ohms',
  'siemens',
  'mole',
  'becquerel',
  'PPM',
  'reserved',
  'Decibels',
  'DbA',
  'DbC',
  'gray',
  'sievert',
  'color temp deg K',
  'bit',
  'kilobit',
  'megabit',
  'gigabit',
  'byte',
  'kilobyte',
  'megabyte',
  'gigabyte',
  'word',
  'dword',
  'qword',
  'line',
  'hit',
  'miss',
  'retry',
  'reset',
  'overflow',
  'underrun',
  'collision',
  'packets',
  'messages',
  'characters',
  'error',
  'correctable error',
  'uncorrectable error',
  'fatal error',
  'grams',
];

/** SDR units-1 byte `[2:1]`: how the modifier unit combines with the base unit. */
export const enum ModifierRelation {
  None = 0,
  Divide = 1, // base / modifier, e.g. "CFM/minute"
  Multiply = 2, // base * modifier
}

export function unitName(code: number): string {
  return UNIT_NAMES[code] ?? 'invalid';
}

/**
 * The unit text ipmitool prints for a reading: base unit, optionally "% " in front, and the
 * modifier unit joined with "/" or "*". A percentage of nothing is spelled "percent".
 */
export function unitString(percentage: boolean, relation: number, base: number, modifier: number): string {
  const pct = percentage ? '% ' : '';
  if (relation === ModifierRelation.Multiply) return `${pct}${unitName(base)}*${unitName(modifier)}`;
  if (relation === ModifierRelation.Divide) return `${pct}${unitName(base)}/${unitName(modifier)}`;
  if (base === 0 && percentage) return 'percent';
  return `${pct}${unitName(base)}`;
}
