import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { readChannelInfoView, readCipherSuitesView } from '../../views/channel';
import { applyCipherPrivileges, planCipherPrivileges } from '../../services/cipher-privileges-plan';
import { withRequestOptions } from '../../views/requester-options';

/** ipmitool's default: the channel the request arrives on */
const CURRENT_CHANNEL = 0x0e;

export function channelHandlers(
  s: AppServices,
): Pick<
  Handlers,
  'channel.info' | 'channel.cipherSuites' | 'channel.cipherPrivileges.plan' | 'channel.cipherPrivileges.apply'
> {
  return {
    'channel.info': async ({ hostId, channel }, ctx) =>
      s.pool.use(hostId, (r) =>
        readChannelInfoView(r, { channel: channel ?? CURRENT_CHANNEL, signal: ctx.signal }),
      ),
    'channel.cipherSuites': async ({ hostId, channel, payload }, ctx) =>
      s.pool.use(hostId, (r) =>
        readCipherSuitesView(r, {
          channel: channel ?? CURRENT_CHANNEL,
          payload: payload ?? 'ipmi',
          signal: ctx.signal,
        }),
      ),
    'channel.cipherPrivileges.plan': async ({ hostId, channel, privileges }, ctx) =>
      s.pool.use(hostId, (r) =>
        planCipherPrivileges(
          s.plans,
          s.inventory.require(hostId),
          Object.assign(withRequestOptions(r, { signal: ctx.signal }), { info: r.info }),
          { channel, privileges },
        ),
      ),
    'channel.cipherPrivileges.apply': async (args, ctx) =>
      applyCipherPrivileges(
        s.plans,
        (fn) => s.pool.use(args.hostId, (r) => fn(withRequestOptions(r, { signal: ctx.signal }))),
        args,
      ),
  };
}
