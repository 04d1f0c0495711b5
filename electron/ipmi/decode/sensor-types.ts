// Sensor type codes, IPMI v2.0 table 42-3, spelled as ipmitool 1.8.19 prints them (its
// lib/ipmi_strings.c generic sensor type list), because `sdr type`, `sel list` and `sensor get`
// output must match ipmitool byte for byte. Codes 0xC0-0xFF are OEM and have no generic name.

/** index = sensor type code */
export const SENSOR_TYPE_NAMES: readonly string[] = [
  'reserved', // 0x00
  'Temperature', // 0x01
  'Voltage', // 0x02
  'Current', // 0x03
  'Fan', // 0x04
  'Physical Security', // 0x05
  'Platform Security', // 0x06
  'Processor', // 0x07
  'Power Supply', // 0x08
  'Power Unit', // 0x09
  'Cooling Device', // 0x0a
  'Other', // 0x0b
  'Memory', // 0x0c
  'Drive Slot / Bay', // 0x0d
  'POST Memory Resize', // 0x0e
  'System Firmwares', // 0x0f
  'Event Logging Disabled', // 0x10
  'Watchdog1', // 0x11
  'System Event', // 0x12
  'Critical Interrupt', // 0x13
  'Button', // 0x14
  'Module / Board', // 0x15
  'Microcontroller', // 0x16
  'Add-in Card', // 0x17
  'Chassis', // 0x18
  'Chip Set', // 0x19
  'Other FRU', // 0x1a
  'Cable / Interconnect', // 0x1b
  'Terminator', // 0x1c
  'System Boot Initiated', // 0x1d
  'Boot Error', // 0x1e
  'OS Boot', // 0x1f
  'OS Critical Stop', // 0x20
  'Slot / Connector', // 0x21
  'System ACPI Power State', // 0x22
  'Watchdog2', // 0x23
  'Platform Alert', // 0x24
  'Entity Presence', // 0x25
  'Monitor ASIC', // 0x26
  'LAN', // 0x27
  'Management Subsys Health', // 0x28
  'Battery', // 0x29
  'Session Audit', // 0x2a
  'Version Change', // 0x2b
  'FRU State', // 0x2c
];

/** The generic name of a sensor type, or undefined for reserved/OEM codes beyond the table
 *  (ipmitool then prints "Unknown"; see `sensorTypeLabel`). */
export function sensorTypeName(code: number): string | undefined {
  return Number.isInteger(code) && code >= 0 ? SENSOR_TYPE_NAMES[code] : undefined;
}

/** What ipmitool prints for a sensor type in SEL lines and `sensor get`: the name or "Unknown". */
export function sensorTypeLabel(code: number): string {
  return sensorTypeName(code) ?? 'Unknown';
}

/** Sensor type code by name, case-insensitive (ipmitool `sdr type <name>` matches this way). */
export function sensorTypeByName(name: string): number | undefined {
  const wanted = name.toLowerCase();
  const i = SENSOR_TYPE_NAMES.findIndex((n) => n.toLowerCase() === wanted);
  return i < 0 ? undefined : i;
}
