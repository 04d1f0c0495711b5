// A failed write in words: errorText's "host: operation failed: reason", plus what the read-back found
// different when the BMC accepted the write but did not keep it (verify-failed carries the reasons).
import type { TFunction } from 'i18next';
import type { ErrorData } from '../../../../../shared/errors';
import { errorText } from '../../../i18n/error-text';
import { REASON_LABEL } from './power-labels';

/** The error as the operator knows the host: by its name in the list, not the BMC's address. */
export function onHost(e: ErrorData, hostName: string): ErrorData {
  return { ...e, host: hostName };
}

export function writeErrorText(t: TFunction, e: ErrorData, operation: string): string {
  const base = errorText(e, operation);
  const known = (e.reasons ?? []).flatMap((r) => {
    const key = REASON_LABEL[r];
    return key ? [t(key)] : [];
  });
  return known.length === 0
    ? base
    : `${base}${t('power.reason.prefix', { list: known.join(t('power.reason.separator')) })}`;
}

/** The BMC answered "command not supported" (0xC1): an optional read the tab shows as not reported. */
export function notSupported(e: ErrorData | undefined): boolean {
  return e?.code === 'completion-code' && e.completionCode === 0xc1;
}
