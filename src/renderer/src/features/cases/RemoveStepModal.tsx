import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case, Step } from '../../../../shared/domain/cases';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { asAppError } from '../../components/describe-error';
import { formatDate } from '../../components/format';
import { CaseErrorAlert } from './CaseErrorAlert';

/** «Вилучити етап?»: for a step recorded by mistake; a step later ones stand on is refused with the reason. */
export function RemoveStepModal({ caseId, step, onClose, onRemoved }: { caseId: string; step: Step | null; onClose(): void; onRemoved(updated: Case): void }) {
  const { t } = useTranslation();
  const remove = useChannelMutation('cases:removeStep', { invalidates: ['dashboard'] });
  const [error, setError] = useState<AppError | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Modal
      opened={step !== null}
      onClose={close}
      title={step ? t('cases.removeStep.title', { step: t(`cases.steps.${step.kind}`), date: formatDate(step.date) }) : ''}
    >
      <Stack gap="md">
        <Text size="sm">{t('cases.removeStep.text')}</Text>
        <CaseErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={async () => {
              if (!step) return;
              setError(null);
              try {
                const updated = await remove.mutateAsync({ caseId, stepId: step.id });
                onRemoved(updated);
              } catch (caught) {
                setError(asAppError(caught));
              }
            }}
          >
            {t('cases.removeStep.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
