// Session info view (shared/domain/session-info.ts) for `session info` and the app's session.info.
import type { Requester, RequestOptions } from '../ipmi/client/requester';
import {
  decodeSessionInfo,
  getSessionInfoRaw,
  GET_SESSION_INFO,
  type SessionInfo,
} from '../ipmi/commands/app/get-session-info';
import { completionCodeError } from '../ipmi/errors';
import type { SessionInfoView, SessionSlotView } from '../../shared/domain/session-info';
import { privilegeLevelName } from './lan';
import { withRequestOptions } from './requester-options';

const ACTIVITY = ['ipmi-messaging', 'callback-messaging', 'dial-out-alert', 'tap-page'] as const;

export function sessionSlotView(s: SessionInfo): SessionSlotView {
  const v: SessionSlotView = { handle: s.handle, slotCount: s.slotCount, activeCount: s.activeCount };
  if (s.length > 3) {
    const level = s.privilege ?? 0;
    v.session = {
      userId: s.userId ?? 0,
      privilegeLevel: level,
      privilege: level >= 1 && level <= 5 ? privilegeLevelName(level) : 'reserved',
      protocol: s.auxiliary ? 'ipmi-2.0' : 'ipmi-1.5',
      channel: s.channel ?? 0,
      partial: s.length < 6,
    };
  }
  if (s.lan) v.lan = { ...s.lan };
  if (s.modem)
    v.modem = {
      activityType: s.modem.activityType,
      activity: ACTIVITY[s.modem.activityType] ?? 'reserved',
      destinationSelector: s.modem.destinationSelector,
      consoleIp: s.modem.consoleIp,
      ...(s.modem.consolePort !== undefined && { consolePort: s.modem.consolePort }),
    };
  return v;
}

/** `session.info`: our own session, then each active one (slot index 1..active count). */
export async function readSessionInfoView(
  session: Requester,
  opts: RequestOptions = {},
): Promise<SessionInfoView> {
  const r = withRequestOptions(session, opts);
  const ask = async (sel: Parameters<typeof getSessionInfoRaw>[1]) => {
    const rsp = await getSessionInfoRaw(r, sel);
    if (rsp.completionCode !== 0)
      throw completionCodeError(
        r.host,
        GET_SESSION_INFO.name,
        GET_SESSION_INFO.netFn,
        GET_SESSION_INFO.cmd,
        rsp.completionCode,
      );
    return sessionSlotView(decodeSessionInfo(rsp.data, r.host));
  };
  const current = await ask({ kind: 'current' });
  const n = Math.min(current.activeCount, 0xfd);
  const active = await Promise.all(Array.from({ length: n }, (_, i) => ask({ kind: 'index', index: i + 1 })));
  return { current, active };
}
