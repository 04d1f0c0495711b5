// Vendor-specific SEL descriptions, as ipmitool 1.8.19 adds them for the BMC's manufacturer (today:
// Supermicro, lib/ipmi_sel.c). The manufacturer is read once (Get Device ID) when the first
// sensor-specific event needs a description; the board ID once when the first memory event does.
// ipmitool re-sends both for every record: we send each once and report failures where ipmitool's
// output shows them, so a printer can say what ipmitool says with fewer requests.
import type { Requester } from '../ipmi/client/requester';
import { isIpmiError } from '../ipmi/errors';
import { getDeviceId } from '../ipmi/commands/app/get-device-id';
import { getBoardId } from '../ipmi/commands/oem/supermicro/get-board-id';
import type { SelRecord } from '../ipmi/decode/sel-record';
import { isSupermicro, needsBoardId, supermicroSuffix, withOemSuffix } from '../ipmi/decode/supermicro-sel';
import { selEventText, type SelVendorText } from './sel-event';

/** A read the vendor texts needed that the BMC refused (completionCode) or did not answer (undefined). */
export type SelVendorFailure = (command: 'Get Device ID' | 'Get Board ID', completionCode?: number) => void;

/** A refusal or a timeout costs only the vendor text; anything else (a broken session) is thrown. */
function softFailure(e: unknown): { code?: number } {
  if (
    isIpmiError(e) &&
    (e.kind === 'completion-code' || e.kind === 'privilege') &&
    e.completionCode !== undefined
  )
    return { code: e.completionCode };
  if (isIpmiError(e) && e.kind === 'timeout') return {};
  throw e;
}

export class SelVendor {
  private manufacturer: Promise<{ id: number } | { code?: number }> | undefined;
  private boardId: Promise<{ id: number } | { code?: number }> | undefined;

  constructor(
    private readonly r: Requester,
    /** told about reads that failed (see manufacturerId and board for how often) */
    private readonly onFailure: SelVendorFailure = () => undefined,
  ) {}

  private async manufacturerId(): Promise<number | undefined> {
    // a failed Get Device ID is reported once, when it fails (as ipmitool's output shows it)
    this.manufacturer ??= getDeviceId(this.r).then(
      (d) => ({ id: d.manufacturerId }),
      (e: unknown) => {
        const f = softFailure(e);
        this.onFailure('Get Device ID', f.code);
        return f;
      },
    );
    const m = await this.manufacturer;
    return 'id' in m ? m.id : undefined;
  }

  /** a failed Get Board ID is reported for every record that needed it */
  private async board(): Promise<number | undefined> {
    this.boardId ??= getBoardId(this.r).then((id) => ({ id }), softFailure);
    const b = await this.boardId;
    if ('id' in b) return b.id;
    this.onFailure('Get Board ID', b.code);
    return undefined;
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
