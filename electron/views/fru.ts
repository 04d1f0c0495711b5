// FRU views (shared/domain/fru.ts) from a FRU inventory image: areas and their fields in layout
// order, chassis type and manufacturing date in words, multi-records, and the checksum/truncation
// problems the decoder found. `readFruDevices` walks the built-in FRU and the SDR's logical FRU
// locators the way ipmitool's `fru print` does.
import type { FruAreaView, FruFieldView, FruView } from '../../shared/domain/fru';
import type { z } from 'zod';
import type { fruMultiRecord } from '../../shared/domain/fru';
import type { Requester } from '../ipmi/client/requester';
import { IpmiError } from '../ipmi/errors';
import { FruReader, readFruInventory, type FruImage } from '../ipmi/commands/storage/fru-inventory';
import { chassisTypeName } from '../ipmi/decode/fru/chassis-types';
import type { FruInventoryData } from '../ipmi/decode/fru/fru-inventory-data';
import { boardMfgMinutes, FRU_EPOCH_SECONDS, type InfoArea } from '../ipmi/decode/fru/info-area';
import type { MultiRecord } from '../ipmi/decode/fru/multi-record';
import type { FruField } from '../ipmi/decode/fru/type-length';
import type { SdrRecord } from '../ipmi/decode/sdr/sdr-record';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function field(key: string, f: FruField): FruFieldView {
  return { key, encoding: f.encoding, text: f.text, hex: hex(f.bytes) };
}

function area(a: InfoArea): FruAreaView {
  const v: FruAreaView = {
    kind: a.kind,
    offset: a.offset,
    length: a.length,
    version: a.version,
    checksumOk: a.checksumOk,
    truncated: a.truncated,
    fields: [
      ...Object.entries(a.fields).flatMap(([k, f]) => (f ? [field(k, f)] : [])),
      ...a.custom.map((f) => field('custom', f)),
    ],
  };
  if (a.kind === 'chassis' && a.fixed.length > 0)
    v.chassisType = { code: a.fixed[0]!, name: chassisTypeName(a.fixed[0]!) };
  if (a.kind !== 'chassis' && a.fixed.length > 0) v.language = a.fixed[0]!;
  if (a.kind === 'board') {
    const minutes = boardMfgMinutes(a);
    if (minutes !== undefined)
      v.manufactured =
        minutes === 0
          ? { minutes }
          : { minutes, iso: new Date((minutes * 60 + FRU_EPOCH_SECONDS) * 1000).toISOString() };
  }
  return v;
}

type MultiRecordView = z.infer<typeof fruMultiRecord>;

function body(r: MultiRecord): MultiRecordView['body'] {
  const b = r.body;
  switch (b.kind) {
    case 'power-supply': {
      const v = b.value;
      return {
        kind: b.kind,
        capacityWatts: v.capacity,
        peakVa: v.peakVa,
        inrushCurrent: v.inrushCurrent,
        inrushIntervalMs: v.inrushIntervalMs,
        inputVoltageRange1: v.inputVoltageRange1,
        inputVoltageRange2: v.inputVoltageRange2,
        inputFrequencyRange: v.inputFrequencyRange,
        dropoutToleranceMs: v.dropoutToleranceMs,
        flags: v.flags,
        peakCapacityWatts: v.peakCapacity,
        peakHoldUpSeconds: v.peakHoldUpSeconds,
        combinedCapacityWatts: v.combinedCapacity,
      };
    }
    case 'dc-output': {
      const { rippleAndNoise, ...v } = b.value;
      return { kind: b.kind, ...v, rippleAndNoiseMv: rippleAndNoise };
    }
    case 'dc-load': {
      const { rippleAndNoise, ...v } = b.value;
      return { kind: b.kind, ...v, rippleAndNoiseMv: rippleAndNoise };
    }
    case 'management-access':
      return { kind: b.kind, ...b.value };
    case 'compatibility':
      return { kind: b.kind, ...b.value, codeRangeMask: hex(b.value.codeRangeMask) };
    case 'oem':
      return { kind: b.kind, manufacturerId: b.manufacturerId };
    case 'other':
      return { kind: 'other' };
  }
}

/** The view of one decoded FRU device. */
export function fruView(deviceId: number, fru: FruInventoryData & Partial<FruImage>): FruView {
  const v: FruView = {
    deviceId,
    size: fru.info?.size ?? 0,
    wordAccess: fru.info?.wordAccess ?? false,
    headerChecksumOk: fru.header.checksumOk,
    multiRecords: (fru.multiRecords ?? []).map((r) => ({
      offset: r.offset,
      type: r.type,
      typeName: r.typeName,
      formatVersion: r.formatVersion,
      endOfList: r.endOfList,
      headerChecksumOk: r.headerChecksumOk,
      recordChecksumOk: r.recordChecksumOk,
      hex: hex(r.data),
      body: body(r),
    })),
    problems: fru.problems.map((p) => ({ area: p.area, message: p.message })),
  };
  if (fru.chassis) v.chassis = area(fru.chassis);
  if (fru.board) v.board = area(fru.board);
  if (fru.product) v.product = area(fru.product);
  if (fru.internalUse) v.internalUseHex = hex(fru.internalUse);
  return v;
}

/** Reads and decodes one FRU device. */
export async function readFruView(
  r: Requester,
  deviceId: number,
  reader = new FruReader(r),
): Promise<FruView> {
  return fruView(deviceId, await readFruInventory(r, deviceId, reader));
}

const BMC_ADDRESS = 0x20;

/** One device of `readFruDevices`; `error` is what reading it threw (the caller turns it into data). */
export interface FruDeviceRead {
  deviceId: number;
  name: string;
  fru?: FruView;
  error?: unknown;
  unsupported?: boolean;
}

/** How `fru print` treats an entry: read it, name it as unsupported (bridged controllers, DIMM SPD:
 *  not read), or skip it (a locator that is not an IPMI FRU inventory device). */
export type FruDeviceKind = 'read' | 'unsupported' | 'not-inventory';

/** The FRU devices `fru print` walks, in its order: the built-in one, then every logical FRU device
 *  locator of the SDR (the built-in one again, at the BMC's address with ID 0, is left out). */
export function fruDevicesOf(
  records: readonly SdrRecord[],
): { deviceId: number; name: string; kind: FruDeviceKind }[] {
  const out: { deviceId: number; name: string; kind: FruDeviceKind }[] = [
    { deviceId: 0, name: 'Builtin FRU Device', kind: 'read' },
  ];
  for (const rec of records) {
    if (rec.kind !== 'fru-locator' || !rec.logical) continue;
    // ipmitool prints IPMI FRU inventory devices only (logical FRU type 0x10, or an EEPROM marked as one)
    if (
      rec.deviceType !== 0x10 &&
      (rec.deviceTypeModifier !== 0x02 || rec.deviceType < 0x08 || rec.deviceType > 0x0f)
    ) {
      out.push({ deviceId: rec.fruDeviceId, name: rec.id, kind: 'not-inventory' });
      continue;
    }
    // the locator holds the 7-bit address; ipmitool compares the stored byte with the BMC's 0x20
    const slaveAddress = rec.accessAddress << 1;
    if (slaveAddress === BMC_ADDRESS && rec.fruDeviceId === 0) continue;
    const onBmc =
      (rec.deviceTypeModifier === 0x00 || rec.deviceTypeModifier === 0x02) && slaveAddress === BMC_ADDRESS;
    out.push({ deviceId: rec.fruDeviceId, name: rec.id, kind: onBmc ? 'read' : 'unsupported' });
  }
  return out;
}

export interface ReadFruDevicesOptions {
  /** only this device */
  deviceId?: number | undefined;
  signal?: AbortSignal | undefined;
  onDevice?: (done: number, total: number, device: FruDeviceRead) => void;
}

/** Reads the FRU devices of a host one after the other (they share the BMC's learnt chunk size). */
export async function readFruDevices(
  r: Requester,
  records: () => Promise<readonly SdrRecord[]>,
  opts: ReadFruDevicesOptions = {},
): Promise<FruDeviceRead[]> {
  const devices: { deviceId: number; name: string; kind: FruDeviceKind }[] =
    opts.deviceId !== undefined
      ? [
          {
            deviceId: opts.deviceId,
            name: opts.deviceId === 0 ? 'Builtin FRU Device' : `FRU ${opts.deviceId}`,
            kind: 'read',
          },
        ]
      : fruDevicesOf(await records()).filter((d) => d.kind !== 'not-inventory');
  const reader = new FruReader(r);
  const out: FruDeviceRead[] = [];
  for (const d of devices) {
    if (opts.signal?.aborted)
      throw new IpmiError('cancelled', `${r.host}: FRU read cancelled`, { host: r.host });
    let item: FruDeviceRead;
    if (d.kind !== 'read') item = { deviceId: d.deviceId, name: d.name, unsupported: true };
    else
      try {
        item = { deviceId: d.deviceId, name: d.name, fru: await readFruView(r, d.deviceId, reader) };
      } catch (error) {
        if (opts.signal?.aborted) throw error;
        item = { deviceId: d.deviceId, name: d.name, error };
      }
    out.push(item);
    opts.onDevice?.(out.length, devices.length, item);
  }
  return out;
}
