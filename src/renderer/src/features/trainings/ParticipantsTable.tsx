import { Badge, Button, Group, Menu, Modal, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_WORDS } from '../../../../shared/domain/training-codes';
import type { Participant, Training } from '../../../../shared/domain/trainings';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { useLanguage, wordsIn } from '../../components/code-words';
import { asAppError } from '../../components/describe-error';
import { PlaceName, useTerritories } from '../../components/PlaceName';
import { RefusalAlert } from '../../components/RefusalAlert';
import { ParticipantModal } from './ParticipantModal';
import { useTrainingDocument } from './TrainingDocumentsMenu';
import { trainingErrorSentence } from './training-errors';
import { fullName } from './training-format';

/**
 * Everyone who took part, in the order of the lists and certificates (surname, name): where they work, how much
 * they attended, and the certificate number once given. A participant with a certificate cannot be removed.
 */
export function ParticipantsTable({ training, canWrite }: { training: Training; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState<Participant | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [removing, setRemoving] = useState<Participant | null>(null);
  const remove = useChannelMutation('trainings:removeParticipant', {
    invalidates: ['coverage'],
  });
  const { produce } = useTrainingDocument(training.id);
  const places = useTerritories(useMemo(() => training.participantList.map((p) => p.territory), [training.participantList]));
  const removeOne = async (p: Participant) => {
    setError(null);
    setRemoving(null);
    try {
      await remove.mutateAsync({
        trainingId: training.id,
        participantId: p.id,
      });
    } catch (caught) {
      setError(asAppError(caught));
    }
  };
  return (
    <>
      <RefusalAlert error={error} sentence={(e) => trainingErrorSentence(t, e)} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder verticalSpacing="xs" aria-label={t('trainings.card.participantsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>№</Table.Th>
              <Table.Th>{t('trainings.card.columns.name')}</Table.Th>
              <Table.Th>{t('trainings.card.columns.organisation')}</Table.Th>
              <Table.Th>{t('trainings.card.columns.territory')}</Table.Th>
              <Table.Th>{t('trainings.card.columns.hours')}</Table.Th>
              <Table.Th>{t('trainings.card.columns.certificate')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {training.participantList.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed" size="sm" ta="center" py="sm">
                    {t('trainings.card.noParticipants')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {training.participantList.map((p, index) => (
              <Table.Tr key={p.id}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {fullName(p)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.position}
                  </Text>
                  {p.otherTrainings > 0 ? (
                    <Badge size="xs" variant="light" tt="none">
                      {t('trainings.card.otherTrainings', {
                        count: p.otherTrainings,
                      })}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.organisationName}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`organisations.types.${p.organisationType}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {p.territory ? (
                    <PlaceName code={p.territory} unit={places.get(p.territory)} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('common.none')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {p.hoursAttended} / {training.hours}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {wordsIn(ATTENDANCE_WORDS[p.attendance], language)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {p.certificate ? (
                    <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      № {p.certificate.number}
                    </Text>
                  ) : p.completed ? (
                    <Badge color="teal" variant="light" tt="none">
                      {t('trainings.card.due')}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('trainings.card.notCompleted')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {p.certificate ? (
                      <Menu withinPortal position="bottom-end">
                        <Menu.Target>
                          <Button
                            size="xs"
                            variant="subtle"
                            aria-label={t('trainings.card.certificateOf', {
                              name: fullName(p),
                            })}
                          >
                            {t('trainings.card.certificate')}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {(['docx', 'pdf'] as const).map((format) => (
                            <Menu.Item key={format} onClick={() => void produce('certificate', format, p.id)}>
                              {t(`cases.documents.formats.${format}`)}
                            </Menu.Item>
                          ))}
                        </Menu.Dropdown>
                      </Menu>
                    ) : null}
                    {canWrite ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(p)}
                        aria-label={t('trainings.card.editNamed', {
                          name: fullName(p),
                        })}
                      >
                        {t('trainings.card.edit')}
                      </Button>
                    ) : null}
                    {canWrite && !p.certificate ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setRemoving(p)}
                        aria-label={t('trainings.card.removeNamed', {
                          name: fullName(p),
                        })}
                      >
                        {t('trainings.card.remove')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing ? <ParticipantModal training={training} saved={editing} opened onClose={() => setEditing(null)} /> : null}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('trainings.card.removeParticipantTitle')}>
        <Stack gap="sm">
          <Text size="sm">{removing ? t('trainings.card.removeParticipantText', { name: fullName(removing) }) : ''}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => removing && void removeOne(removing)} loading={remove.isPending}>
              {t('trainings.card.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
