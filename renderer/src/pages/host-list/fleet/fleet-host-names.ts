// The hosts a confirmation names: all of them up to ten, then the first ten and how many more, so a
// dialog for 4000 hosts stays one short paragraph ("web-01, web-02, … and 12 more").
import type { TFunction } from 'i18next';

export const NAMED_HOSTS = 10;

export function hostNames(names: readonly string[], t: TFunction): string {
  const sep = t('fleet.hosts.separator');
  const shown = names.slice(0, NAMED_HOSTS).join(sep);
  const more = names.length - NAMED_HOSTS;
  return more > 0 ? t('fleet.hosts.more', { names: shown, count: more }) : shown;
}
