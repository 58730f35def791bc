import { Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAINING_FORMAT_WORDS, TRAINING_KIND_WORDS } from '../../../../shared/domain/training-codes';
import type { Training } from '../../../../shared/domain/trainings';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { useLanguage, wordsIn } from '../../components/code-words';
import { asAppError } from '../../components/describe-error';
import { LoadStatus } from '../../components/LoadStatus';
import { PlaceName, useTerritories } from '../../components/PlaceName';
import { RefusalAlert } from '../../components/RefusalAlert';
import { IssueCertificates } from './IssueCertificates';
import { ParticipantModal } from './ParticipantModal';
import { ParticipantsTable } from './ParticipantsTable';
import { ProgrammeFile } from './ProgrammeFile';
import { TrainingDocumentsMenu } from './TrainingDocumentsMenu';
import { trainingErrorSentence } from './training-errors';
import { dateRange } from './training-format';
import { editTrainingRoute, importRoute } from './training-route';

export function TrainingCard({ trainingId }: { trainingId: string }) {
  const training = useChannelQuery('trainings:get', { id: trainingId });
  if (!training.data) return <LoadStatus query={training} />;
  return <Card training={training.data} />;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/**
 * A training on one screen: what and when, who organised and taught it, the programme, then everyone who took part
 * with their hours and certificates; from here the sign-in sheet is imported and the documents are made.
 */
function Card({ training }: { training: Training }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { session } = useSession();
  const { open } = useNavigation();
  const canWrite = can(session, 'trainings.write');
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const remove = useChannelMutation('trainings:remove', {
    invalidates: ['coverage'],
  });
  const topics = useChannelQuery('trainings:topics', {});
  const places = useTerritories([training.venue]);
  const topicName = (code: string) => {
    const found = topics.data?.find((tp) => tp.code === code);
    return found ? (language === 'en' ? found.en : found.uk) : code;
  };
  const removeTraining = async () => {
    setError(null);
    try {
      await remove.mutateAsync({ id: training.id });
      open('trainings');
    } catch (caught) {
      setRemoving(false);
      setError(asAppError(caught));
    }
  };

  return (
    <Stack>
      <Anchor component="button" type="button" size="sm" onClick={() => open('trainings')} style={{ alignSelf: 'flex-start' }}>
        {t('trainings.card.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {training.title}
          </Title>
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {wordsIn(TRAINING_KIND_WORDS[training.kind], language)}
            </Badge>
            <Text size="sm">{dateRange(training.startsOn, training.endsOn)}</Text>
            <Text size="sm" c="dimmed">
              {t('trainings.card.hours', { hours: training.hours })} · {wordsIn(TRAINING_FORMAT_WORDS[training.format], language)}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm">
          {canWrite ? (
            <Button variant="default" onClick={() => open('trainings', editTrainingRoute(training.id))}>
              {t('trainings.card.editTraining')}
            </Button>
          ) : null}
          <TrainingDocumentsMenu trainingId={training.id} certificates={training.certificates} />
          {canWrite && training.certificates === 0 ? (
            <Button variant="subtle" color="red" onClick={() => setRemoving(true)}>
              {t('trainings.card.removeTraining')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <RefusalAlert error={error} sentence={(e) => trainingErrorSentence(t, e)} />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Fact label={t('trainings.form.venue')}>
            {training.venue ? <PlaceName code={training.venue} unit={places.get(training.venue)} full /> : <Text size="sm">{t('trainings.formats.online')}</Text>}
            {training.place ? (
              <Text size="xs" c="dimmed">
                {training.place}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('trainings.form.topics')}>
            <Group gap={4}>
              {training.topics.map((code) => (
                <Badge key={code} variant="outline" tt="none" size="sm">
                  {topicName(code)}
                </Badge>
              ))}
            </Group>
          </Fact>
          <Fact label={t('trainings.form.organisers')}>
            <Text size="sm">{training.organisers.map((o) => o.name).join('; ')}</Text>
          </Fact>
          <Fact label={t('trainings.form.partners')}>
            <Text size="sm">{training.partners.length ? training.partners.map((o) => o.name).join('; ') : t('common.none')}</Text>
          </Fact>
          <Fact label={t('trainings.form.trainers')}>
            <Text size="sm">
              {training.trainers.length ? training.trainers.map((tr) => (tr.affiliation ? `${tr.name} (${tr.affiliation})` : tr.name)).join('; ') : t('common.none')}
            </Text>
          </Fact>
          <Fact label={t('trainings.form.programme')}>
            {training.programme ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
                {training.programme}
              </Text>
            ) : null}
            <ProgrammeFile training={training} canWrite={canWrite} />
          </Fact>
        </SimpleGrid>
        {training.note ? (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {training.note}
          </Text>
        ) : null}
      </Paper>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('trainings.card.participants', {
            count: training.participantList.length,
          })}
        </Title>
        {canWrite ? (
          <Group gap="sm">
            <Button variant="default" onClick={() => setAdding(true)}>
              {t('trainings.card.addParticipant')}
            </Button>
            <Button variant="default" onClick={() => open('trainings', importRoute(training.id))}>
              {t('trainings.card.import')}
            </Button>
            <IssueCertificates training={training} />
          </Group>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {t('trainings.card.shareRule', { share: training.minSharePercent })}
      </Text>
      <ParticipantsTable training={training} canWrite={canWrite} />
      {adding ? <ParticipantModal training={training} opened onClose={() => setAdding(false)} /> : null}
      <Modal opened={removing} onClose={() => setRemoving(false)} title={t('trainings.card.removeTitle')}>
        <Stack gap="sm">
          <Text size="sm">
            {t('trainings.card.removeText', {
              count: training.participantList.length,
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => void removeTraining()} loading={remove.isPending}>
              {t('trainings.card.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
