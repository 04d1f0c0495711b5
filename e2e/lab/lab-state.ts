// Files ipmi_sim would have written itself after a first boot, created before that first boot so the lab
// starts from a known "factory" state. Format (OpenIPMI lanserv/persist.c): one `name:type:value` line
// per item, type `i` = decimal integer, `d` = bytes with every non-printable (and `\`) byte as `\xx`.
// We escape every byte, which the reader accepts.
import { LAB_USER_LIST, PRIVILEGE_LEVEL, type LabUser } from './lab-users';

const MAX_USERS = 63; // ipmi_sim keeps users 0..63

function bytesItem(name: string, data: Uint8Array): string {
  return `${name}:d:${Array.from(data, (b) => '\\' + b.toString(16).padStart(2, '0')).join('')}`;
}

function fixed(text: string, size: number): Uint8Array {
  const out = new Uint8Array(size); // zero padded, as the BMC stores names and passwords
  const bytes = Buffer.from(text, 'latin1');
  if (bytes.length > size) throw new Error(`"${text}" is longer than ${size} bytes`);
  out.set(bytes);
  return out;
}

/** users.mc20: the user table of the BMC at IPMB address 0x20. */
export function usersFile(users: readonly LabUser[] = LAB_USER_LIST): string {
  const lines: string[] = [];
  for (let id = 0; id <= MAX_USERS; id++) {
    const u = users.find((x) => x.id === id);
    lines.push(
      `${id}.valid:i:${u?.enabled ? 1 : 0}`,
      `${id}.link_auth:i:0`,
      `${id}.cb_only:i:0`,
      bytesItem(`${id}.username`, fixed(u?.name ?? '', 16)),
      bytesItem(`${id}.passwd`, fixed(u?.password ?? '', 20)),
      `${id}.privilege:i:${u ? PRIVILEGE_LEVEL[u.privilege] : 0}`,
      `${id}.max_sessions:i:${u ? 10 : 0}`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * sel.20: the System Event Log. Only records: ipmi_sim 2.0.33 neither saves nor reads a SEL clock offset
 * (its SEL clock restarts from CLOCK_MONOTONIC on every boot; the lab sets it after each boot instead).
 */
export function selFile(records: readonly Uint8Array[]): string {
  const lines = ['last_add_time:i:0', 'last_erase_time:i:0'];
  // ipmi_sim reads the items of a persist file in reverse order (it prepends each one to a list), so
  // the file lists the records last-first to keep record 1 first in the SEL.
  for (const r of [...records].reverse()) {
    if (r.length !== 16) throw new Error(`SEL records are 16 bytes, got ${r.length}`);
    const id = r[0]! | (r[1]! << 8);
    lines.push(bytesItem(String(id), r));
  }
  return lines.join('\n') + '\n';
}
