import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'uk'}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={[
        { value: 'uk', label: t('language.uk') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}
