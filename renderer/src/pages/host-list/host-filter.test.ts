import { describe, expect, it } from 'vitest';
import type { HostSummary } from '../../../../shared/contract/hosts';
import { allTags, filterHosts } from './host-filter';

function host(id: string, name: string, address: string, groups: string[] = []): HostSummary {
  return {
    id,
    name,
    address,
    port: 623,
    username: 'admin',
    interface: 'lanplus',
    cipherSuite: 'auto',
    privilege: 'administrator',
    groups,
    notes: '',
    hasPassword: false,
  };
}

const HOSTS = [
  host('h000001', 'web-01', '10.0.0.1', ['rack-a', 'web']),
  host('h000002', 'db-01', '10.0.0.2', ['rack-b']),
  host('h000003', 'Web-02', 'bmc.example.net'),
];

describe('filterHosts', () => {
  it('returns the same array when nothing filters', () => {
    expect(filterHosts(HOSTS, { text: '  ', tags: [] })).toBe(HOSTS);
  });
  it('matches name case-insensitively, address with port, and tags', () => {
    expect(filterHosts(HOSTS, { text: 'WEB', tags: [] }).map((h) => h.id)).toEqual(['h000001', 'h000003']);
    expect(filterHosts(HOSTS, { text: '10.0.0.2:623', tags: [] }).map((h) => h.id)).toEqual(['h000002']);
    expect(filterHosts(HOSTS, { text: 'rack-b', tags: [] }).map((h) => h.id)).toEqual(['h000002']);
  });
  it('every word must match', () => {
    expect(filterHosts(HOSTS, { text: 'web rack', tags: [] }).map((h) => h.id)).toEqual(['h000001']);
  });
  it('tag filter keeps hosts with any chosen tag, combined with the text', () => {
    expect(filterHosts(HOSTS, { text: '', tags: ['rack-a', 'rack-b'] }).map((h) => h.id)).toEqual([
      'h000001',
      'h000002',
    ]);
    expect(filterHosts(HOSTS, { text: 'db', tags: ['rack-a'] })).toEqual([]);
  });
  it('keeps host objects as they are (rows re-render only for changed hosts)', () => {
    expect(filterHosts(HOSTS, { text: 'db', tags: [] })[0]).toBe(HOSTS[1]);
  });
});

describe('allTags', () => {
  it('lists each tag once, sorted', () => {
    expect(allTags([...HOSTS, host('h000004', 'x', 'y', ['web', 'alpha'])])).toEqual([
      'alpha',
      'rack-a',
      'rack-b',
      'web',
    ]);
  });
});
