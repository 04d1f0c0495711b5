// RMCP+ algorithm numbers (IPMI v2.0 §13.28) and the standard cipher suites (table 22-20).
export type AuthAlg = 'none' | 'hmac-sha1' | 'hmac-md5' | 'hmac-sha256';
export type IntegrityAlg = 'none' | 'hmac-sha1-96' | 'hmac-md5-128' | 'md5-128' | 'hmac-sha256-128';
export type ConfAlg = 'none' | 'aes-cbc-128';

export const AUTH_ALG_CODE: Record<AuthAlg, number> = {
  none: 0,
  'hmac-sha1': 1,
  'hmac-md5': 2,
  'hmac-sha256': 3,
};
export const INTEGRITY_ALG_CODE: Record<IntegrityAlg, number> = {
  none: 0,
  'hmac-sha1-96': 1,
  'hmac-md5-128': 2,
  'md5-128': 3,
  'hmac-sha256-128': 4,
};
export const CONF_ALG_CODE: Record<ConfAlg, number> = { none: 0, 'aes-cbc-128': 1 };

export interface CipherSuite {
  id: number;
  auth: AuthAlg;
  integrity: IntegrityAlg;
  confidentiality: ConfAlg;
}

const suite = (
  id: number,
  auth: AuthAlg,
  integrity: IntegrityAlg,
  confidentiality: ConfAlg,
): CipherSuite => ({
  id,
  auth,
  integrity,
  confidentiality,
});

/** The suites we implement. xRC4 suites (4, 5, 9, 10, 13, 14, 18, 19) are deliberately absent: RC4 is broken. */
export const CIPHER_SUITES: ReadonlyMap<number, CipherSuite> = new Map(
  [
    suite(0, 'none', 'none', 'none'),
    suite(1, 'hmac-sha1', 'none', 'none'),
    suite(2, 'hmac-sha1', 'hmac-sha1-96', 'none'),
    suite(3, 'hmac-sha1', 'hmac-sha1-96', 'aes-cbc-128'),
    suite(6, 'hmac-md5', 'none', 'none'),
    suite(7, 'hmac-md5', 'hmac-md5-128', 'none'),
    suite(8, 'hmac-md5', 'hmac-md5-128', 'aes-cbc-128'),
    suite(11, 'hmac-md5', 'md5-128', 'none'),
    suite(12, 'hmac-md5', 'md5-128', 'aes-cbc-128'),
    suite(15, 'hmac-sha256', 'none', 'none'),
    suite(16, 'hmac-sha256', 'hmac-sha256-128', 'none'),
    suite(17, 'hmac-sha256', 'hmac-sha256-128', 'aes-cbc-128'),
  ].map((s) => [s.id, s]),
);

/** Preference when the caller says "auto": strongest first (17 then 3 as ipmitool/gebn), then the rest. */
export const AUTO_PREFERENCE = [17, 3, 16, 8, 12, 2, 7, 11];

/** HMAC output length of the RAKP (authentication) algorithm, in bytes. */
export function authCodeLength(a: AuthAlg): number {
  return a === 'hmac-sha1' ? 20 : a === 'hmac-md5' ? 16 : a === 'hmac-sha256' ? 32 : 0;
}

/** RAKP 4 integrity check value length: the auth HMAC truncated (IPMI v2.0 §13.28.4, errata). */
export function rakp4IcvLength(a: AuthAlg): number {
  return a === 'hmac-sha1' ? 12 : a === 'hmac-md5' ? 16 : a === 'hmac-sha256' ? 16 : 0;
}

/** Per-packet AuthCode length of the integrity algorithm. */
export function integrityCodeLength(i: IntegrityAlg): number {
  return i === 'hmac-sha1-96' ? 12 : i === 'none' ? 0 : 16;
}

const byCode = <T extends string>(table: Record<T, number>, code: number) =>
  (Object.keys(table) as T[]).find((k) => table[k] === code);

/** The suite whose algorithms a BMC named in its Open Session Response; undefined when we do not
 *  implement that combination (RC4, OEM algorithms, a non-standard triple). */
export function suiteByAlgorithms(
  auth: number,
  integrity: number,
  confidentiality: number,
): CipherSuite | undefined {
  const a = byCode(AUTH_ALG_CODE, auth);
  const i = byCode(INTEGRITY_ALG_CODE, integrity);
  const c = byCode(CONF_ALG_CODE, confidentiality);
  for (const s of CIPHER_SUITES.values())
    if (s.auth === a && s.integrity === i && s.confidentiality === c) return s;
  return undefined;
}

/** "authentication 1, integrity 1, confidentiality 2 (xRC4-128)": algorithms we cannot name as a suite. */
export function describeAlgorithms(auth: number, integrity: number, confidentiality: number): string {
  const conf = confidentiality === 2 ? ' (xRC4-128)' : confidentiality === 3 ? ' (xRC4-40)' : '';
  return `authentication ${auth}, integrity ${integrity}, confidentiality ${confidentiality}${conf}`;
}
