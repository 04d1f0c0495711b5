// What the health dot says: the badge colour, the label beside it and the reason in its tooltip, from
// one host's status. Literal message keys only (the i18n key test finds them in this file).
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import type { HostStatus } from '../../../../../shared/contract/host-status';
import { errorText, reasonText } from '../../../i18n/error-text';

export type BadgeStatus = 'success' | 'processing' | 'default' | 'error' | 'warning';

export interface HealthText {
  badge: BadgeStatus;
  label: string;
  reason: string;
}

/** "10:02" today, "12-03 10:02" on another day. */
export function clockTime(ms: number): string {
  const d = dayjs(ms);
  return d.isSame(dayjs(), 'day') ? d.format('HH:mm') : d.format('MM-DD HH:mm');
}

export function healthText(s: HostStatus | undefined, t: TFunction): HealthText {
  const n = s?.sensorsAtWorst ?? 0;
  switch (s?.health) {
    case undefined:
    case 'pending':
      return { badge: 'processing', label: t('status.health.pending'), reason: t('status.reason.pending') };
    case 'ok':
      return { badge: 'success', label: t('status.health.ok'), reason: t('status.reason.ok') };
    case 'warning':
      return {
        badge: 'warning',
        label: t('status.health.warning'),
        reason: n === 1 ? t('status.reason.warningOne') : t('status.reason.warningMany', { count: n }),
      };
    case 'critical':
      return {
        badge: 'error',
        label: t('status.health.critical'),
        reason: n === 1 ? t('status.reason.criticalOne') : t('status.reason.criticalMany', { count: n }),
      };
    case 'unreachable': {
      const time = s.unreachableSince !== undefined ? clockTime(s.unreachableSince) : '';
      return {
        badge: 'error',
        label: t('status.health.unreachableSince', { time }),
        reason: s.error ? reasonText(s.error) : t('status.health.unreachableSince', { time }),
      };
    }
    case 'auth-failed': {
      const code = s.error?.code;
      const label =
        code === 'wrong-password'
          ? t('status.health.wrongPassword')
          : code === 'unknown-user'
            ? t('status.health.unknownUser')
            : t('status.health.loginRefused');
      return {
        badge: 'warning',
        label,
        reason: `${s.error ? reasonText(s.error) : label} — ${t('status.reason.notRetried')}`,
      };
    }
    case 'no-password':
      return {
        badge: 'default',
        label: t('status.health.noPassword'),
        reason: t('status.reason.noPassword'),
      };
    case 'error':
      return {
        badge: 'error',
        label: t('status.health.error'),
        reason: s.error ? errorText(s.error, t('status.op.poll')) : t('status.health.error'),
      };
  }
}
