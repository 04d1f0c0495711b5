// Every message area, by the first segment of its keys ("hosts.add" lives in messages/hosts.ts).
// One line per area: pages add theirs here.
import { app } from './messages/app';
import { errors } from './messages/errors';
import { hosts } from './messages/hosts';
import { host } from './messages/host';
import { overview } from './messages/overview';

export const NAMESPACES = {
  app,
  errors,
  hosts,
  host,
  overview,
};
