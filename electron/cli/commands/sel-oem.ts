// Vendor-specific SEL descriptions, as ipmitool 1.8.19 adds them for the BMC's manufacturer (today:
// Supermicro, lib/ipmi_sel.c). The manufacturer is read once (Get Device ID) when the first
// sensor-specific event needs a description; the board ID once when the first memory event does.
// ipmitool re-sends both for every record and repeats its error message each time: we send once and
// repeat the message, so the output is the same with fewer requests.
import type { Requester } from '../../ipmi/client/requester';
import { isIpmiError } from '../../ipmi/errors';
import { getDeviceId } from '../../ipmi/commands/app/get-device-id';
import { getBoardId } from '../../ipmi/commands/oem/supermicro/get-board-id';
import type { SelRecord } from '../../ipmi/decode/sel-record';
import {
  isSupermicro,
  needsBoardId,
  supermicroSuffix,
  withOemSuffix,
} from '../../ipmi/decode/supermicro-sel';
import { refusalCode } from './cc-failure';
import { ipmitoolCcText } from '../format/completion-code';
import { selEventText, type SelVendorText } from '../../views/sel-event';

export class SelOem {
  private manufacturer: Promise<number | undefined> | undefined;
  private boardId: Promise<{ id: number } | { error: string }> | undefined;

  constructor(
    private readonly r: Requester,
    /** where ipmitool's error lines go (stderr) */
    private readonly err: (text: string) => void,
  ) {}

  private async manufacturerId(): Promise<number | undefined> {
    this.manufacturer ??= getDeviceId(this.r).then(
      (d) => d.manufacturerId,
      (e: unknown) => {
        const code = refusalCode(e);
        if (code === undefined && !(isIpmiError(e) && e.kind === 'timeout')) throw e;
        this.err(
          code === undefined
            ? 'Get Device ID command failed\n'
            : `Get Device ID command failed: 0x${code.toString(16)} ${ipmitoolCcText(code)}\n`,
        );
        return undefined;
      },
    );
    return this.manufacturer;
  }

  private async board(): Promise<number | undefined> {
    this.boardId ??= getBoardId(this.r).then(
      (id) => ({ id }),
      (e: unknown) => {
        const code = refusalCode(e);
        if (code === undefined && !(isIpmiError(e) && e.kind === 'timeout')) throw e;
        return {
          error:
            code === undefined
              ? 'Get Board ID command failed\n'
              : `Get Board ID command failed: 0x${code.toString(16)} ${ipmitoolCcText(code)}\n`,
        };
      },
    );
    const b = await this.boardId;
    if ('error' in b) {
      this.err(b.error);
      return undefined;
    }
    return b.id;
  }

  /** The vendor's text for this record, or undefined where the standard text applies. */
  async text(rec: SelRecord): Promise<SelVendorText | undefined> {
    if (rec.kind !== 'system' || rec.eventType !== 0x6f) return undefined;
    const m = await this.manufacturerId();
    if (m === undefined || !isSupermicro(m)) return undefined;
    const board = needsBoardId(rec) ? await this.board() : undefined;
    const standard = selEventText(rec);
    const description = withOemSuffix(
      rec,
      standard === '' ? undefined : standard,
      supermicroSuffix(rec, board),
    );
    return { description, hideEccLocation: true };
  }
}
