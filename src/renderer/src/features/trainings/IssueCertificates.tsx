import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Training } from '../../../../shared/domain/trainings';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { asAppError } from '../../components/describe-error';
import { isoFromTyped, kyivToday } from '../../components/format';
import { RefusalAlert } from '../../components/RefusalAlert';
import { trainingErrorSentence } from './training-errors';

/**
 * «Видати сертифікати»: the next numbers of the training's year go to everyone who attended the required share of
 * hours and has none yet; a number once given is never given again.
 */
export function IssueCertificates({ training }: { training: Training }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [date, setDate] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const issue = useChannelMutation('trainings:issueCertificates');
  const due = training.participantList.filter((p) => p.completed && !p.certificate).length;
  const today = kyivToday();
  const openModal = () => {
    setDate(training.endsOn > today ? today : training.endsOn);
    setError(null);
    setDone(null);
    setOpened(true);
  };
  const submit = async () => {
    setError(null);
    try {
      const result = await issue.mutateAsync({
        trainingId: training.id,
        issuedOn: date ?? '',
      });
      setDone(result.issued);
    } catch (caught) {
      setError(asAppError(caught));
    }
  };
  return (
    <>
      <Button
        onClick={openModal}
        disabled={due === 0 || training.endsOn > today}
        title={training.endsOn > today ? t('trainings.certificates.notEnded') : due === 0 ? t('trainings.certificates.noneDue') : undefined}
      >
        {t('trainings.certificates.issue', { count: due })}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('trainings.certificates.title')}>
        <Stack gap="sm">
          {done === null ? (
            <>
              <Text size="sm">
                {t('trainings.certificates.explain', {
                  count: due,
                  share: training.minSharePercent,
                })}
              </Text>
              <DateInput
                label={t('trainings.certificates.issuedOn')}
                valueFormat="DD.MM.YYYY"
                dateParser={isoFromTyped}
                value={date}
                onChange={(v) => setDate(v)}
                minDate={training.endsOn}
                maxDate={today}
                data-autofocus
              />
              <RefusalAlert error={error} sentence={(e) => trainingErrorSentence(t, e)} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpened(false)}>
                  {t('common.cancel')}
                </Button>
                <Button onClick={() => void submit()} loading={issue.isPending}>
                  {t('trainings.certificates.confirm')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text size="sm" role="status">
                {t('trainings.certificates.done', { count: done })}
              </Text>
              <Group justify="flex-end">
                <Button onClick={() => setOpened(false)} data-autofocus>
                  {t('common.close')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}
