// The SEL every lab BMC starts with: one record of each kind a client must render. Records 2..10 are the
// LAB rendering vectors of the research notes (specs/ipmi-lan.md §11.9, ipmitool 1.8.19 / FreeIPMI
// 1.6.10 output known for each); record 1 has a pre-init timestamp, as logged before the SEL clock is set.
// Layout (IPMI 2.0 §32.1): ID(2) type(1) then, for type 0x02: timestamp(4) generator(2) EvMRev sensor-type
// sensor# event-dir/type data1 data2 data3; 0xC0-0xDF: timestamp(4) manufacturer(3) OEM(6);
// 0xE0-0xFF: OEM(13).

/** 2020-09-13 12:26:40 UTC, the timestamp of the captured vectors. */
export const SEL_SEED_TIME = 0x5f5e1000;

function hex(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
}

function le32(n: number): string {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b.toString('hex');
}

const T = le32(SEL_SEED_TIME);

export const SEL_SEED: readonly Uint8Array[] = [
  //  id   type timestamp   gen  rev styp snum dir/type data1-3
  hex(`0100 02 fd140000 2000 04 08 20 6f 00ffff`), // pre-init (5373 s): PSU1 Presence detected, asserted
  hex(`0200 02 ${T} 2000 04 01 10 01 595c5a`), // CPU Temp upper critical going high, reading 92 > 90
  hex(`0300 02 ${T} 2000 04 08 20 6f 01ffff`), // PSU1 failure detected, asserted
  hex(`0400 02 ${T} 2000 04 0c 21 ef 00ffff`), // Mem ECC correctable ECC, deasserted (bit 7 of byte 13)
  hex(`0500 c1 ${T} a20200 010203040506`), // OEM timestamped, manufacturer 0x0002a2
  hex(`0600 e0 0102030405060708090a0b0c0d`), // OEM non-timestamped
  hex(`0700 02 ${T} 2000 04 23 02 6f c104ff`), // Watchdog 2 hard reset, SMS/OS timer
  hex(`0800 02 ${T} 2000 04 02 11 01 52b0a0`), // P12V lower critical going low, reading 0xb0 < 0xa0
  hex(`0900 02 ${T} 4100 04 0f 05 6f a003ff`), // system firmware error from BIOS (generator 0x41)
  hex(`0a00 02 ${T} 2000 04 07 30 6f 00ffff`), // processor IERR
];
