// ErrorData → one sentence in the user's language: host, operation, reason (completion code in words).
import i18n from './index';
import type { ErrorData } from '../../../shared/errors';

function hex(n: number): string {
  return `0x${n.toString(16).padStart(2, '0')}`;
}

/** A completion code in words, e.g. 0xc9 → "parameter out of range (0xc9)". */
export function completionCodeWords(cc: number): string {
  const two = cc.toString(16).padStart(2, '0');
  return i18n.exists(`errors.cc.${two}`)
    ? `${i18n.t(`errors.cc.${two}`)} (${hex(cc)})`
    : i18n.t('errors.cc.other', { hex: hex(cc) });
}

/** The reason alone ("wrong password for this BMC user"). */
export function reasonText(e: ErrorData): string {
  return i18n.t(`errors.code.${e.code}`, {
    field: e.field ?? '',
    line: e.line ?? '',
    message: e.message,
    cc: e.completionCode !== undefined ? completionCodeWords(e.completionCode) : '',
    status: e.rmcpStatus !== undefined ? hex(e.rmcpStatus) : '',
  });
}

/** "host: operation failed: reason"; operation is already translated by the caller. */
export function errorText(e: ErrorData, operation?: string): string {
  const reason = reasonText(e);
  if (!operation) return e.host ? i18n.t('errors.noOperation', { host: e.host, reason }) : reason;
  return e.host
    ? i18n.t('errors.withHost', { host: e.host, operation, reason })
    : i18n.t('errors.withoutHost', { operation, reason });
}
