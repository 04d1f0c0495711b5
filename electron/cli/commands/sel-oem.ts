// The vendor SEL texts (electron/views/sel-vendor.ts) with ipmitool's error lines: a Get Device ID or
// Get Board ID that fails is reported on stderr for every record that needed it, as ipmitool does.
import type { Requester } from '../../ipmi/client/requester';
import { SelVendor } from '../../views/sel-vendor';
import { ipmitoolCcText } from '../format/completion-code';

export class SelOem extends SelVendor {
  constructor(r: Requester, err: (text: string) => void) {
    super(r, (command, code) =>
      err(
        code === undefined
          ? `${command} command failed\n`
          : `${command} command failed: 0x${code.toString(16)} ${ipmitoolCcText(code)}\n`,
      ),
    );
  }
}
