// `fru print` text exactly as ipmitool 1.8.19 prints it (lib/ipmi_fru.c fru_area_print_chassis/board/
// product, fru_area_print_multirec), printed from the FRU view (electron/views/fru.ts). Pure.
import type { FruInventoryData } from '../../ipmi/decode/fru/fru-inventory-data';
import { FRU_EPOCH_SECONDS } from '../../ipmi/decode/fru/info-area';
import { decodeAscii6, type FruField } from '../../ipmi/decode/fru/type-length';
import type { FruAreaView, FruFieldView, FruView } from '../../../shared/domain/fru';
import { fruView } from '../../views/fru';
import { timestampString, type TimeOptions } from './ipmi-time';

/** A field as ipmitool renders it: 6-bit ASCII decoded in whole 3-byte groups (a partial last group
 *  yields filler characters), and C-string semantics (text ends at the first NUL). */
export function ipmitoolFieldText(f: FruField | FruFieldView): string {
  let text = f.text;
  if (f.encoding === 'ascii6') {
    const bytes = 'bytes' in f ? f.bytes : Buffer.from(f.hex, 'hex');
    const padded = new Uint8Array(Math.ceil(bytes.length / 3) * 3);
    padded.set(bytes);
    text = decodeAscii6(padded);
  }
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

const label = (name: string) => ` ${name.padEnd(22, ' ')}: `;

function fieldLines(
  area: FruAreaView,
  names: readonly (readonly [field: string, title: string])[],
  extra: string,
  verbose: number,
): string[] {
  const out: string[] = [];
  for (const [field, title] of names) {
    const f = area.fields.find((x) => x.key === field);
    if (!f) continue;
    const text = ipmitoolFieldText(f);
    // ipmitool shows the FRU file ID only with -v
    if (text.length > 0 && (field !== 'fruFileId' || verbose > 0)) out.push(label(title) + text);
  }
  for (const f of area.fields.filter((x) => x.key === 'custom')) {
    const text = ipmitoolFieldText(f);
    if (text.length > 0) out.push(label(extra) + text);
  }
  return out;
}

export interface FruFormatOptions extends TimeOptions {
  /** ipmitool -v: FRU file IDs and the multi-record area */
  verbose?: number;
}

/** The body of `fru print <id>` (no description line), newline-terminated lines. A decoded image
 *  passed in is turned into its view first. */
export function formatFruInventory(x: FruView | FruInventoryData, opts: FruFormatOptions = {}): string {
  const fru = 'headerChecksumOk' in x ? x : fruView(0, x);
  const verbose = opts.verbose ?? 0;
  const lines: string[] = [];
  if (fru.chassis) {
    // an area that ends before its chassis type byte prints type 0 (ipmitool reads the zeroed buffer)
    lines.push(label('Chassis Type') + (fru.chassis.chassisType?.name ?? 'Unspecified'));
    lines.push(
      ...fieldLines(
        fru.chassis,
        [
          ['partNumber', 'Chassis Part Number'],
          ['serialNumber', 'Chassis Serial'],
        ],
        'Chassis Extra',
        verbose,
      ),
    );
  }
  if (fru.board) {
    const minutes = fru.board.manufactured?.minutes ?? 0;
    const stamp = minutes === 0 ? 0xffffffff : minutes * 60 + FRU_EPOCH_SECONDS;
    lines.push(label('Board Mfg Date') + timestampString(stamp, opts));
    lines.push(
      ...fieldLines(
        fru.board,
        [
          ['manufacturer', 'Board Mfg'],
          ['productName', 'Board Product'],
          ['serialNumber', 'Board Serial'],
          ['partNumber', 'Board Part Number'],
          ['fruFileId', 'Board FRU ID'],
        ],
        'Board Extra',
        verbose,
      ),
    );
  }
  if (fru.product) {
    lines.push(
      ...fieldLines(
        fru.product,
        [
          ['manufacturer', 'Product Manufacturer'],
          ['name', 'Product Name'],
          ['partNumber', 'Product Part Number'],
          ['version', 'Product Version'],
          ['serialNumber', 'Product Serial'],
          ['assetTag', 'Product Asset Tag'],
          ['fruFileId', 'Product FRU ID'],
        ],
        'Product Extra',
        verbose,
      ),
    );
  }
  if (verbose > 0) for (const r of fru.multiRecords) lines.push(...formatMultiRecord(r));
  return lines.map((l) => l + '\n').join('');
}

const mr = (name: string) => `  ${name.padEnd(27, ' ')}: `;

/** ipmitool's -v multi-record lines for the record kinds it prints. */
export function formatMultiRecord(r: FruView['multiRecords'][number]): string[] {
  const b = r.body;
  switch (b.kind) {
    case 'dc-output': {
      const v = b;
      return [
        ' DC Output Record',
        mr('Output Number') + v.outputNumber,
        mr('Standby power') + (v.standby ? 'Yes' : 'No'),
        mr('Nominal voltage') + `${v.nominalVoltage.toFixed(2)} V`,
        mr('Max negative deviation') + `${v.maxNegativeDeviation.toFixed(2)} V`,
        mr('Max positive deviation') + `${v.maxPositiveDeviation.toFixed(2)} V`,
        mr('Ripple and noise pk-pk') + `${v.rippleAndNoiseMv} mV`,
        mr('Minimum current draw') + `${v.minCurrent.toFixed(3)} A`,
        mr('Maximum current draw') + `${v.maxCurrent.toFixed(3)} A`,
      ];
    }
    case 'dc-load': {
      const v = b;
      return [
        ' DC Load Record',
        mr('Output Number') + v.outputNumber,
        mr('Nominal voltage') + `${v.nominalVoltage.toFixed(2)} V`,
        mr('Min voltage allowed') + `${v.minVoltage.toFixed(2)} V`,
        mr('Max voltage allowed') + `${v.maxVoltage.toFixed(2)} V`,
        mr('Ripple and noise pk-pk') + `${v.rippleAndNoiseMv} mV`,
        mr('Minimum current load') + `${v.minCurrent.toFixed(3)} A`,
        mr('Maximum current load') + `${v.maxCurrent.toFixed(3)} A`,
      ];
    }
    default:
      return [];
  }
}
