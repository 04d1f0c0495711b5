// `ipmitool user summary|list` text (lib/ipmi_user.c ipmi_print_user_summary, dump_user_access), printed
// from the users view (electron/views/user.ts).
import type { UserEntry } from '../../../shared/domain/user';
import type { UserSummary } from '../../views/user';
import { privilegeName } from './privilege-name';

export function formatUserSummary(a: UserSummary, csv = false): string {
  if (csv) return `${a.maxUserIds},${a.enabledUserIds},${a.fixedNameUserIds}\n`;
  return `Maximum IDs\t    : ${a.maxUserIds}\nEnabled User Count  : ${a.enabledUserIds}\nFixed Name Count    : ${a.fixedNameUserIds}\n`;
}

export const USER_LIST_HEADER = 'ID  Name\t     Callin  Link Auth\tIPMI Msg   Channel Priv Limit\n';

const pad = (s: string, n: number) => s.padEnd(n);

/** One row; ipmitool's "Callin" column is the view's `callin` (not "restricted to callback"). */
export function formatUserListRow(u: UserEntry, csv = false): string {
  if (csv)
    return `${u.id},${u.name},${u.callin ? 'true' : 'false'},${u.linkAuth},${u.ipmiMessaging},${privilegeName(u.privilegeLevel)}\n`;
  return (
    pad(String(u.id), 4) +
    pad(u.name, 17) +
    pad(u.callin ? 'true ' : 'false', 8) +
    pad(u.linkAuth ? 'true ' : 'false', 11) +
    pad(u.ipmiMessaging ? 'true ' : 'false', 11) +
    privilegeName(u.privilegeLevel) +
    '\n'
  );
}
