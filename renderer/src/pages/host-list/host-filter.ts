// Which hosts the list shows: a free-text search over name, address (with port) and tags, and a tag
// filter (a host matches when it carries any chosen tag). Pure, so 1,000 hosts filter per keystroke
// without touching the rows whose host objects did not change.
import type { HostSummary } from '../../../../shared/contract/hosts';

export interface HostFilter {
  text: string;
  tags: readonly string[];
}

export function filterHosts(hosts: readonly HostSummary[], f: HostFilter): readonly HostSummary[] {
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length && !f.tags.length) return hosts;
  const tags = new Set(f.tags);
  return hosts.filter((h) => {
    if (tags.size && !h.groups.some((g) => tags.has(g))) return false;
    if (!words.length) return true;
    const hay = [h.name, `${h.address}:${h.port}`, ...h.groups].join('\n').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** Every tag in use, sorted, for the filter's options. */
export function allTags(hosts: readonly HostSummary[]): string[] {
  return [...new Set(hosts.flatMap((h) => h.groups))].sort((a, b) => a.localeCompare(b));
}
