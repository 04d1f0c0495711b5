// `ipmitool user summary|list` text (lib/ipmi_user.c ipmi_print_user_summary, dump_user_access).
import type { UserAccess } from '../../ipmi/commands/app/get-user-access';
import { privilegeName } from './privilege-name';

export function formatUserSummary(a: UserAccess, csv = false): string {
  if (csv) return `${a.maxUserIds},${a.enabledUserIds},${a.fixedNameUserIds}\n`;
  return `Maximum IDs\t    : ${a.maxUserIds}\nEnabled User Count  : ${a.enabledUserIds}\nFixed Name Count    : ${a.fixedNameUserIds}\n`;
}

export const USER_LIST_HEADER = 'ID  Name\t     Callin  Link Auth\tIPMI Msg   Channel Priv Limit\n';

const pad = (s: string, n: number) => s.padEnd(n);

/** One row; the "Callin" column is the inverse of "restricted to callback", as ipmitool prints it. */
export function formatUserListRow(id: number, name: string, a: UserAccess, csv = false): string {
  if (csv)
    return `${id},${name},${a.callbackOnly ? 'false' : 'true'},${a.linkAuth},${a.ipmiMessaging},${privilegeName(a.privilegeLimit)}\n`;
  return (
    pad(String(id), 4) +
    pad(name, 17) +
    pad(a.callbackOnly ? 'false' : 'true ', 8) +
    pad(a.linkAuth ? 'true ' : 'false', 11) +
    pad(a.ipmiMessaging ? 'true ' : 'false', 11) +
    privilegeName(a.privilegeLimit) +
    '\n'
  );
}
