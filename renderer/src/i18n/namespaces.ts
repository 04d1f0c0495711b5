// Every message area, by the first segment of its keys ("hosts.add" lives in messages/hosts.ts).
// One line per area: pages add theirs here.
import { app } from './messages/app';
import { errors } from './messages/errors';
import { hosts } from './messages/hosts';
import { host } from './messages/host';
import { overview } from './messages/overview';
import { power } from './messages/power';
import { sensors } from './messages/sensors';
import { events } from './messages/events';
import { inventory } from './messages/inventory';
import { fleet } from './messages/fleet';
import { status } from './messages/status';

export const NAMESPACES = {
  app,
  errors,
  hosts,
  host,
  overview,
  power,
  sensors,
  events,
  inventory,
  fleet,
  status,
};
