import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PassphrasePolicy() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('passphrase.policy')}
    </Text>
  );
}
