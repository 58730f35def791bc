import { Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session-context';
import { ChangePassphraseForm } from './ChangePassphraseForm';

export function MyPassphrasePage() {
  const { t } = useTranslation();
  const { replaceSession } = useSession();
  return (
    <Stack>
      <Title order={1} size="h2">{t('session.changePassphrase.pageTitle')}</Title>
      <Text size="sm">{t('session.changePassphrase.pageIntro')}</Text>
      <ChangePassphraseForm
        onChanged={(session) => {
          notifications.show({ color: 'green', message: t('session.changePassphrase.success') });
          replaceSession(session);
        }}
      />
    </Stack>
  );
}
