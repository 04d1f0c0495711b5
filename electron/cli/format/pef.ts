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
