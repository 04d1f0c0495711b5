// ipmitool 1.8.19's PEF output (lib/ipmi_pef.c, non-verbose form): fields of one line joined by " | ",
// the first one still led by a blank (ipmitool skips only the "| " of its separator), flag sets
// joined by ",". Pure: callers pass the decoded values.

/** One output line under construction, as ipmitool's first_field/ipmi_pef_print_field build it. */
export class PefLine {
  private text = '';
  private first = true;

  private add(v: string): this {
    this.text += this.first ? ` ${v}` : ` | ${v}`;
    this.first = false;
    return this;
  }
  dec(v: number): this {
    return this.add(String(v >>> 0));
  }
  str(v: string): this {
    return this.add(v);
  }
  /** "0x%02x" */
  hex2(v: number): this {
    return this.add(`0x${v.toString(16).padStart(2, '0')}`);
  }
  /** "0x%04x" */
  hex4(v: number): this {
    return this.add(`0x${(v & 0xffff).toString(16).padStart(4, '0')}`);
  }
  /** ipmitool's ipmi_pef_print_guid: the 16 bytes in wire order, 8-4-4-4-12 */
  guid(g: Uint8Array): this {
    const h = Array.from(g, (b) => b.toString(16).padStart(2, '0')).join('');
    this.text += ` | ${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    return this;
  }
  /** ipmi_pef_print_flags: " | A,B,C" for the set bits, nothing when none is set (no field either). */
  flags(map: readonly (readonly [string, number])[], value: number): this {
    const names = map.filter(([, m]) => (value & m) === m && m !== 0).map(([n]) => n);
    if (names.length) this.text += ` | ${names.join(',')}`;
    return this;
  }
  toString(): string {
    return this.text;
  }
}

/** ipmi_pef_bit_desc on a "list" map: the name whose value equals v, else "None". */
export function listName(map: readonly (readonly [string, number])[], v: number): string {
  return map.find(([, m]) => m === v)?.[0] ?? 'None';
}

export const POLICY_RULES: readonly (readonly [string, number])[] = [
  ['Match-always', 0],
  ['Try-next-entry', 1],
  ['Try-next-set', 2],
  ['Try-next-channel', 3],
  ['Try-next-destination', 4],
];

export const CHANNEL_MEDIA: readonly (readonly [string, number])[] = [
  ['IPMB (I2C)', 1],
  ['ICMB v1.0', 2],
  ['ICMB v0.9', 3],
  ['802.3 LAN', 4],
  ['Serial/Modem (RS-232)', 5],
  ['Other LAN', 6],
  ['PCI SMBus', 7],
  ['SMBus v1.0/1.1', 8],
  ['SMBus v2.0', 9],
  ['USB 1.x', 10],
  ['USB 2.x', 11],
  ['System I/F (KCS,SMIC,BT)', 12],
];

/** LAN alert destination types (bits 2:0). ipmitool's table also lists "Acknowledged" under 0x80, which
 *  a 3-bit value never equals, so it never prints; we keep that so the text stays ipmitool's. */
export const LAN_DEST_TYPES: readonly (readonly [string, number])[] = [
  ['PET', 0],
  ['OEM 1', 6],
  ['OEM 2', 7],
];

/** Severity bits; ipmitool names the first one set, most severe first. */
export const SEVERITIES: readonly (readonly [string, number])[] = [
  ['Non-recoverable', 0x20],
  ['Critical', 0x10],
  ['Warning', 0x08],
  ['OK', 0x04],
  ['Information', 0x02],
  ['Monitor', 0x01],
];

/** ipmitool's PEF sensor type names (its own spelling, not the SEL's), 255 = any. */
export const PEF_SENSOR_TYPES: readonly (readonly [string, number])[] = [
  ['Any', 255],
  ...[
    'Temperature',
    'Voltage',
    'Current',
    'Fan',
    'Chassis Intrusion',
    'Platform security breach',
    'Processor',
    'Power supply',
    'Power Unit',
    'Cooling device',
    'Other (units-based)',
    'Memory',
    'Drive Slot',
    'POST memory resize',
    'POST error',
    'Logging disabled',
    'Watchdog 1',
    'System event',
    'Critical Interrupt',
    'Button',
    'Module/board',
    'uController/coprocessor',
    'Add-in card',
    'Chassis',
    'Chipset',
    'Other (FRU)',
    'Cable/interconnect',
    'Terminator',
    'System boot',
    'Boot error',
    'OS boot',
    'OS critical stop',
    'Slot/connector',
    'ACPI power state',
    'Watchdog 2',
    'Platform alert',
    'Entity presence',
    'Monitor ASIC/IC',
    'LAN',
    'Management subsystem health',
    'Battery',
  ].map((n, i) => [n, i + 1] as const),
];

/** Offset names of the generic event/reading types 1..12, as ipmitool abbreviates them for filters. */
export const GENERIC_OFFSETS: readonly (readonly string[])[] = [
  ['<LNC', '>LNC', '<LC', '>LC', '<LNR', '>LNR', '>UNC', '<UNC', '>UC', '<UC', '>UNR', '<UNR'],
  ['transition to idle', 'transition to active', 'transition to busy'],
  ['state deasserted', 'state asserted'],
  ['predictive failure deasserted', 'predictive failure asserted'],
  ['limit not exceeded', 'limit exceeded'],
  ['performance met', 'performance lags'],
  ['ok', '<warn', '<fail', '<dead', '>warn', '>fail', 'dead', 'monitor', 'informational'],
  ['device removed/absent', 'device inserted/present'],
  ['device disabled', 'device enabled'],
  [
    'transition to running',
    'transition to in test',
    'transition to power off',
    'transition to online',
    'transition to offline',
    'transition to off duty',
    'transition to degraded',
    'transition to power save',
    'install error',
  ],
  [
    'fully redundant',
    'redundancy lost',
    'redundancy degraded',
    '<non-redundant/sufficient',
    '>non-redundant/sufficient',
    'non-redundant/insufficient',
    '<redundancy degraded',
    '>redundancy degraded',
  ],
  ['D0 power state', 'D1 power state', 'D2 power state', 'D3 power state'],
];

/** ipmi_pef_bit_desc on an "any" map: the first name whose bits are all set, else "None". */
export function firstFlagName(map: readonly (readonly [string, number])[], v: number): string {
  return map.find(([, m]) => (v & m) === m)?.[0] ?? 'None';
}

/** ipmi_pef_bit_desc on an "all" map: every name whose bits are set, joined by ",", else "None". */
export function allFlagNames(map: readonly (readonly [string, number])[], v: number): string {
  const names = map.filter(([, m]) => (v & m) === m).map(([n]) => n);
  return names.length ? names.join(',') : 'None';
}

/** ipmi_pef_print_event_info's "Event trigger(s)" text. */
export function eventTriggerText(trigger: number, offsetMask: number): string {
  if (offsetMask === 0xffff || trigger === 0xff) return 'Any';
  if (trigger === 0) return 'Unspecified';
  if (trigger === 0x6f) return 'Sensor-specific';
  if (trigger > 0x6f) return 'OEM';
  let s = `(0x${trigger.toString(16).padStart(2, '0')}/0x${offsetMask.toString(16).padStart(4, '0')})`;
  // ipmitool looks at the 12 low mask bits only
  for (let i = 0; i < GENERIC_OFFSETS.length; i++) {
    if ((offsetMask >> i) & 1) {
      const names = GENERIC_OFFSETS[trigger - 1];
      s += names ? `,${names[i] ?? 'None'}` : ', Unrecognized event trigger';
    }
  }
  return s;
}

/** The event class ipmitool shows for a filter's trigger. */
export const eventClass = (trigger: number): string =>
  trigger === 1 ? 'Threshold' : trigger > 0x6f ? 'OEM' : 'Discrete';
