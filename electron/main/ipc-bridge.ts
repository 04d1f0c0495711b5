// Registers the handler table on ipcMain: one `bmc:<name>` channel per contract call, each checking
// that the sender is our own top-level page before dispatching. Events go to our windows only.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_NAMES, callChannel, eventChannel } from '../../shared/contract/channels';
import type { Dispatch } from '../ipc/dispatch';
import type { EventBus } from '../ipc/events';
import type { Envelope } from '../../shared/errors';
import { isTrustedSender, type TrustedRenderer } from './security';

export const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'untrusted sender' },
};

export function senderFrameOf(
  e: Pick<IpcMainInvokeEvent, 'senderFrame'>,
): { url: string; isTop: boolean } | null {
  const f = e.senderFrame;
  // senderFrame is null when the frame navigated or was destroyed: untrusted
  if (!f) return null;
  return { url: f.url, isTop: f.parent === null };
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  trusted: TrustedRenderer,
): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), async (e, raw: unknown) => {
      if (!isTrustedSender(senderFrameOf(e), trusted)) return FORBIDDEN;
      return dispatch(name, raw);
    });
  }
}

export function forwardEvents(
  bus: EventBus,
  targets: () => WebContents[],
  trusted: TrustedRenderer,
): () => void {
  return bus.subscribe((name, payload) => {
    for (const wc of targets()) {
      if (!wc.isDestroyed() && isTrustedSender({ url: wc.getURL(), isTop: true }, trusted))
        wc.send(eventChannel(name), payload);
    }
  });
}
