import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sensorTypeByName, sensorTypeLabel, sensorTypeName } from './sensor-types';

// Every generic sensor type as ipmitool 1.8.19 prints it (lib/ipmi_strings.c
// ipmi_generic_sensor_type_vals; §11.9 LAB SEL lines show "Temperature", "Power Supply", "Memory",
// "Watchdog2", "Voltage", "System Firmwares", "Processor"). The peer test `sdr type list` compares
// the whole list against the ipmitool binary.
const EXPECTED: [number, string][] = [
  [0x00, 'reserved'],
  [0x01, 'Temperature'],
  [0x02, 'Voltage'],
  [0x03, 'Current'],
  [0x04, 'Fan'],
  [0x05, 'Physical Security'],
  [0x06, 'Platform Security'],
  [0x07, 'Processor'],
  [0x08, 'Power Supply'],
  [0x09, 'Power Unit'],
  [0x0a, 'Cooling Device'],
  [0x0b, 'Other'],
  [0x0c, 'Memory'],
  [0x0d, 'Drive Slot / Bay'],
  [0x0e, 'POST Memory Resize'],
  [0x0f, 'System Firmwares'],
  [0x10, 'Event Logging Disabled'],
  [0x11, 'Watchdog1'],
  [0x12, 'System Event'],
  [0x13, 'Critical Interrupt'],
  [0x14, 'Button'],
  [0x15, 'Module / Board'],
  [0x16, 'Microcontroller'],
  [0x17, 'Add-in Card'],
  [0x18, 'Chassis'],
  [0x19, 'Chip Set'],
  [0x1a, 'Other FRU'],
  [0x1b, 'Cable / Interconnect'],
  [0x1c, 'Terminator'],
  [0x1d, 'System Boot Initiated'],
  [0x1e, 'Boot Error'],
  [0x1f, 'OS Boot'],
  [0x20, 'OS Critical Stop'],
  [0x21, 'Slot / Connector'],
  [0x22, 'System ACPI Power State'],
  [0x23, 'Watchdog2'],
  [0x24, 'Platform Alert'],
  [0x25, 'Entity Presence'],
  [0x26, 'Monitor ASIC'],
  [0x27, 'LAN'],
  [0x28, 'Management Subsys Health'],
  [0x29, 'Battery'],
  [0x2a, 'Session Audit'],
  [0x2b, 'Version Change'],
  [0x2c, 'FRU State'],
];

describe('sensorTypeName', () => {
  it.each(EXPECTED)('0x%s → %s', (code, name) => {
    expect(sensorTypeName(code)).toBe(name);
    expect(sensorTypeLabel(code)).toBe(name);
  });
  it('has no name past 0x2C; ipmitool labels those "Unknown"', () => {
    for (const code of [0x2d, 0x7f, 0xc0, 0xff, -1, 1.5]) {
      expect(sensorTypeName(code)).toBeUndefined();
      expect(sensorTypeLabel(code)).toBe('Unknown');
    }
  });
  it('looks names up case-insensitively', () => {
    expect(sensorTypeByName('power supply')).toBe(0x08);
    expect(sensorTypeByName('FAN')).toBe(0x04);
    expect(sensorTypeByName('nope')).toBeUndefined();
  });
  it('never throws', () => fc.assert(fc.property(fc.integer(), (n) => void sensorTypeLabel(n))));
});
