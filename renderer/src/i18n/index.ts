import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';
import type { ErrorData } from '../../../shared/errors';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '中文' },
] as const;

function initialLanguage(): string {
  const saved = localStorage.getItem('lang');
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  showSupportNotice: false,
} as Parameters<typeof i18n.init>[0]);

export function setLanguage(code: string): void {
  localStorage.setItem('lang', code);
  void i18n.changeLanguage(code);
  document.documentElement.lang = code;
}

/** ErrorData → a sentence in the current language; the English message is the fallback. */
export function errorText(e: ErrorData): string {
  const key = `errors.${e.code}`;
  const cc = e.completionCode !== undefined ? `0x${e.completionCode.toString(16).padStart(2, '0')}` : '';
  const text = i18n.exists(key)
    ? i18n.t(key, { field: e.field ?? '', line: e.line ?? '', cc })
    : i18n.t('errors.generic', { message: e.message });
  return e.host ? `${e.host}: ${text}` : text;
}

export default i18n;
