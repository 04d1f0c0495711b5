// Records ipmitool does not list but which we keep decoded: entity association (0x08, §43.4), OEM
// (0xC0, §43.12), and anything else as raw bytes so nothing read from the BMC is dropped.
import { decodeSdrHeader, requireLength, type SdrHeader } from './record-header';

export interface EntityAssociationRecord extends SdrHeader {
  kind: 'entity-association';
  containerEntityId: number;
  containerEntityInstance: number;
  /** [7] bit 7: contained entities given as ranges (pairs) rather than a list */
  isRange: boolean;
  /** [7] bit 6: more records follow for this container */
  linked: boolean;
  /** [7] bit 5: presence sensor always accessible */
  presenceAlwaysAccessible: boolean;
  /** up to four (entity ID, instance) pairs; zero pairs are unused slots */
  contained: { entityId: number; entityInstance: number }[];
}

export interface OemRecord extends SdrHeader {
  kind: 'oem';
  manufacturerId: number;
  data: Uint8Array;
}

export interface RawRecord extends SdrHeader {
  kind: 'raw';
  body: Uint8Array;
}

export function decodeEntityAssociation(b: Uint8Array): EntityAssociationRecord {
  requireLength(b, 16, 'entity association record');
  const contained: { entityId: number; entityInstance: number }[] = [];
  for (let i = 8; i < 16; i += 2) {
    if (b[i] !== 0) contained.push({ entityId: b[i]!, entityInstance: b[i + 1]! });
  }
  return {
    kind: 'entity-association',
    ...decodeSdrHeader(b),
    containerEntityId: b[5]!,
    containerEntityInstance: b[6]!,
    isRange: (b[7]! & 0x80) !== 0,
    linked: (b[7]! & 0x40) !== 0,
    presenceAlwaysAccessible: (b[7]! & 0x20) !== 0,
    contained,
  };
}

export function decodeOemRecord(b: Uint8Array): OemRecord {
  requireLength(b, 8, 'OEM record');
  return {
    kind: 'oem',
    ...decodeSdrHeader(b),
    manufacturerId: b[5]! | (b[6]! << 8) | (b[7]! << 16),
    data: b.slice(8),
  };
}

export function rawRecord(b: Uint8Array): RawRecord {
  return { kind: 'raw', ...decodeSdrHeader(b), body: b.slice(5) };
}
