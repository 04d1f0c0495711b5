// The accounts every lab BMC starts with. Privilege and enablement are what ipmi_sim enforces; the
// IPMI 1.5 auth types (none, MD2, MD5, straight) are allowed per privilege level in ipmi_sim, and the
// lab enables all four at every level, so each enabled user below may log in over `-I lan` with any of
// them at its own level (see lan-conf.ts).

export type LabPrivilege = 'user' | 'operator' | 'administrator';

export interface LabUser {
  id: number;
  name: string;
  password: string;
  privilege: LabPrivilege;
  enabled: boolean;
}

export const LAB_USERS = {
  // admin/password: the credentials of the LAB vectors in the research notes.
  admin: { id: 2, name: 'admin', password: 'password', privilege: 'administrator', enabled: true },
  operator: { id: 3, name: 'operator', password: 'op-secret-3', privilege: 'operator', enabled: true },
  user: { id: 4, name: 'user', password: 'user-secret-4', privilege: 'user', enabled: true },
  // Correct password, but the account is disabled: a login must be refused.
  disabled: {
    id: 5,
    name: 'disabled',
    password: 'disabled-secret',
    privilege: 'administrator',
    enabled: false,
  },
  // Exactly 20 bytes, the IPMI 2.0 maximum; ipmi_sim's lan.conf parser truncates ASCII passwords to 19
  // bytes, which is why users are written to ipmi_sim's persisted user table instead (lab-state.ts).
  long20: {
    id: 6,
    name: 'long20',
    password: 'TwentyBytePassword!!',
    privilege: 'administrator',
    enabled: true,
  },
} as const satisfies Record<string, LabUser>;

export const LAB_USER_LIST: readonly LabUser[] = Object.values(LAB_USERS);

/** ipmi_sim's numeric privilege levels (IPMI spec: 1 callback, 2 user, 3 operator, 4 administrator). */
export const PRIVILEGE_LEVEL: Record<LabPrivilege, number> = { user: 2, operator: 3, administrator: 4 };
