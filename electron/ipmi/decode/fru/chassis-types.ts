// Chassis type byte of the FRU chassis info area: the SMBIOS 2.x system enclosure enumeration, with
// ipmitool's spellings (so `fru print` matches it).
export const CHASSIS_TYPE_NAMES: readonly string[] = [
  'Unspecified',
  'Other',
  'Unknown',
  'Desktop',
  'Low Profile Desktop',
  'Pizza Box',
  'Mini Tower',
  'Tower',
  'Portable',
  'LapTop',
  'Notebook',
  'Hand Held',
  'Docking Station',
  'All in One',
  'Sub Notebook',
  'Space-saving',
  'Lunch Box',
  'Main Server Chassis',
  'Expansion Chassis',
  'SubChassis',
  'Bus Expansion Chassis',
  'Peripheral Chassis',
  'RAID Chassis',
  'Rack Mount Chassis',
  'Sealed-case PC',
  'Multi-system Chassis',
  'CompactPCI',
  'AdvancedTCA',
  'Blade',
  'Blade Enclosure',
];

/** Out-of-range codes read as "Unknown", as ipmitool prints them. */
export const chassisTypeName = (code: number): string => CHASSIS_TYPE_NAMES[code] ?? 'Unknown';
