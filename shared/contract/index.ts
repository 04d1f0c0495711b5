// The whole IPC surface, merged from the families. Main derives its handlers from it, the preload its
// `window.bmc`, the renderer its types. Adding a family: declare it in <family>.ts, spread it here,
// add its names to channels.ts; the contract tests then demand examples and handlers for it.
import type { z } from 'zod';
import { appCalls } from './app';
import { hostsCalls } from './hosts';
import { credentialsCalls } from './credentials';
import { sessionCalls } from './session';
import { powerCalls } from './power';
import { mcCalls } from './mc';
import { fleetCalls } from './fleet';
import { selCalls } from './sel';
import { sensorsCalls } from './sensors';
import { fruCalls } from './fru';
import { firewallCalls } from './firewall';
import { lanCalls } from './lan';
import { solCalls } from './sol';
import { channelCalls } from './channel';
import { sessionInfoCalls } from './session-info';
import { chassisCalls } from './chassis';
import { usersCalls } from './users';
import { rawCalls } from './raw';
import { hostStatusCalls } from './host-status';
import type { Envelope } from '../errors';
import type { EventName, EventPayload } from './events';

export const contract = {
  ...appCalls,
  ...hostsCalls,
  ...credentialsCalls,
  ...sessionCalls,
  ...powerCalls,
  ...mcCalls,
  ...fleetCalls,
  ...selCalls,
  ...sensorsCalls,
  ...fruCalls,
  ...firewallCalls,
  ...lanCalls,
  ...solCalls,
  ...channelCalls,
  ...sessionInfoCalls,
  ...chassisCalls,
  ...usersCalls,
  ...rawCalls,
  ...hostStatusCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<C extends CallName> = z.input<Contract[C]['input']>;
export type CallArgs<C extends CallName> = z.output<Contract[C]['input']>;
export type CallResult<C extends CallName> = z.output<Contract[C]['output']>;

/** The shape of `window.bmc`, exposed by the preload (Electron) or the e2e init script (WebSocket). */
export type BmcApi = {
  readonly [C in CallName]: (input: CallInput<C>) => Promise<Envelope<CallResult<C>>>;
} & {
  /** Subscribe to an allow-listed event; returns the unsubscribe function. */
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

export { events } from './events';
export type { EventName, EventPayload } from './events';
export { CALL_NAMES, EVENT_NAMES, CHANNEL_PREFIX, callChannel, eventChannel } from './channels';
