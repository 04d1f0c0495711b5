import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES } from './namespaces';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];
export const LANGUAGE_KEY = 'bmcdesk.language';

function resources(lang: Language): Record<string, unknown> {
  return Object.fromEntries(Object.entries(NAMESPACES).map(([ns, m]) => [ns, m[lang]]));
}

export function initialLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const first = initialLanguage();
document.documentElement.lang = first;
void i18n.use(initReactI18next).init({
  resources: { en: { translation: resources('en') }, 'zh-CN': { translation: resources('zh-CN') } },
  lng: first,
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  showSupportNotice: false,
} as Parameters<typeof i18n.init>[0]);

/** Switch language; the choice persists across restarts. */
export function setLanguage(code: Language): void {
  localStorage.setItem(LANGUAGE_KEY, code);
  document.documentElement.lang = code;
  void i18n.changeLanguage(code);
}

export function currentLanguage(): Language {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

export default i18n;
