import { Button, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session-context';
import { CenteredCard } from '../../../components/CenteredCard';
import { ChangePassphraseForm } from './ChangePassphraseForm';

/** A user with an initial passphrase sees nothing else until they choose their own. */
export function ForcedChangeScreen() {
  const { t } = useTranslation();
  const { session, lock, replaceSession } = useSession();
  return (
    <CenteredCard
      width={520}
      aside={
        <Button variant="default" size="xs" onClick={lock} title={t('common.lockHint')}>
          {t('common.lock')}
        </Button>
      }
    >
      <Title order={1} size="h2">{t('session.changePassphrase.forcedTitle')}</Title>
      <Text size="sm" fw={500}>
        {session.displayName} ({session.login})
      </Text>
      <Text size="sm">{t('session.changePassphrase.forcedIntro')}</Text>
      <ChangePassphraseForm autoFocus onChanged={replaceSession} />
    </CenteredCard>
  );
}
