import { Stepper, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredCard } from '../../../components/CenteredCard';
import { AdminAccountStep } from './AdminAccountStep';
import { ConfirmKeyStep } from './ConfirmKeyStep';
import { RecoveryKeyStep } from './RecoveryKeyStep';

/** First run: create the store and its admin, show the recovery key once, and make sure it was written down. */
export function SetupWizard({ onFinished, onStoreExists }: { onFinished(): void; onStoreExists(): void }) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  return (
    <CenteredCard width={760}>
      <Title order={1} size="h2">{t('session.setup.title')}</Title>
      <Stepper active={active} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label={t('session.setup.stepAccount')} description={t('session.setup.stepAccountHint')}>
          <AdminAccountStep
            onStoreExists={onStoreExists}
            onCreated={(key) => {
              setRecoveryKey(key);
              setActive(1);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={t('session.setup.stepKey')} description={t('session.setup.stepKeyHint')}>
          {recoveryKey ? <RecoveryKeyStep recoveryKey={recoveryKey} onNext={() => setActive(2)} /> : null}
        </Stepper.Step>
        <Stepper.Step label={t('session.setup.stepConfirm')} description={t('session.setup.stepConfirmHint')}>
          {recoveryKey ? (
            <ConfirmKeyStep recoveryKey={recoveryKey} onBack={() => setActive(1)} onConfirmed={onFinished} />
          ) : null}
        </Stepper.Step>
      </Stepper>
    </CenteredCard>
  );
}
