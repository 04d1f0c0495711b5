// A refused or unverified write reads as host (by its list name), operation, reason, and what the
// read-back found different, in both languages.
import { afterAll, describe, expect, it, vi } from 'vitest';

// the renderer's i18n reads the saved language and sets <html lang> on load: the least of a window for it
vi.hoisted(() => {
  Object.assign(globalThis, {
    localStorage: { getItem: () => 'en', setItem: () => undefined },
    document: { documentElement: {} },
  });
});

import type { ErrorData } from '../../../../../shared/errors';
import i18n from '../../../i18n/index';
import { notSupported, onHost, writeErrorText } from './write-error';

const verify: ErrorData = {
  code: 'verify-failed',
  message: '127.0.0.1: boot options read back differ',
  host: '127.0.0.1',
  reasons: ['boot-flags-not-valid', 'boot-mode-differs', 'some-future-reason'],
};
const refused: ErrorData = { code: 'completion-code', message: 'x', host: '127.0.0.1', completionCode: 0xc1 };

describe('writeErrorText', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('English: the host by name, the operation, the reason, the known read-back differences', async () => {
    await i18n.changeLanguage('en');
    expect(writeErrorText(i18n.t, onHost(verify, 'web-01'), 'Set boot device')).toBe(
      'web-01: Set boot device failed: the BMC accepted the change but now reports another value' +
        ' (read back: the override is not marked valid, legacy/UEFI was not kept)',
    );
    expect(writeErrorText(i18n.t, onHost(refused, 'web-01'), 'Set power restore policy')).toBe(
      'web-01: Set power restore policy failed: the BMC refused: command not supported (0xc1)',
    );
  });

  it('Chinese: the same in Chinese punctuation', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(writeErrorText(i18n.t, onHost(verify, 'web-01'), '设置启动设备')).toBe(
      'web-01：设置启动设备失败：BMC 接受了修改，但回读的值不同（回读：覆盖设置未标记为有效；未保留传统 BIOS/UEFI 模式）',
    );
  });

  it('only 0xC1 counts as "not supported"', () => {
    expect(notSupported(refused)).toBe(true);
    expect(notSupported({ ...refused, completionCode: 0xc9 })).toBe(false);
    expect(notSupported({ code: 'timeout', message: 't' })).toBe(false);
    expect(notSupported(undefined)).toBe(false);
  });
});
