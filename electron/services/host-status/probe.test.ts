// The probe's pure parts: the health summary of sensor severities, and the credential fingerprint
// (changes with the password, never contains it).
import { describe, expect, it } from 'vitest';
import { credentialFingerprint, summarizeSensors } from './probe';

describe('host status probe helpers', () => {
  it('summarises the worst severity and how many sensors are at it', () => {
    expect(summarizeSensors(['normal', 'unknown', 'normal'])).toEqual({ worst: 'ok', count: 0 });
    expect(summarizeSensors(['normal', 'warning', 'warning'])).toEqual({ worst: 'warning', count: 2 });
    expect(summarizeSensors(['warning', 'critical', 'non-recoverable'])).toEqual({
      worst: 'critical',
      count: 2,
    });
    expect(summarizeSensors([])).toEqual({ worst: 'ok', count: 0 });
  });

  it('fingerprints a password without revealing it', () => {
    const a = credentialFingerprint('secret-one');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).toBe(credentialFingerprint('secret-one'));
    expect(a).not.toBe(credentialFingerprint('secret-two'));
    expect(a).not.toContain('secret');
  });
});
