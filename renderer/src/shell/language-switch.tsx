import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage, type Language } from '../i18n/index';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      data-testid="language"
      aria-label={t('app.language')}
      value={i18n.language === 'zh-CN' ? 'zh-CN' : currentLanguage()}
      onChange={setLanguage}
      options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      style={{ width: 120 }}
    />
  );
}
