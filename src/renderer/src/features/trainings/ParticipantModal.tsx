import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ATTENDANCES, ATTENDANCE_WORDS } from '../../../../shared/domain/training-codes';
import { ParticipantInputSchema, type Participant, type Training } from '../../../../shared/domain/trainings';
import { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { useLanguage, wordsIn } from '../../components/code-words';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError, fieldIssues } from '../../components/describe-error';
import { NumberField, SelectField, TextField } from '../../components/fields';
import { formatDate } from '../../components/format';
import { organisationOptions } from '../../components/organisation-options';
import { RefusalAlert } from '../../components/RefusalAlert';
import { TerritoryPicker } from '../../components/TerritoryPicker';
import { trainingErrorSentence } from './training-errors';

type Values = z.input<typeof ParticipantInputSchema>;

/** The channel names the participant's fields «participant.hoursAttended»; the form's own are one level up. */
function ownPaths(error: AppError): AppError {
  const issues = fieldIssues(error);
  if (issues.length === 0) return error;
  const moved = new AppError(error.code, error.message, { ...error.details, issues: issues.map((i) => ({ ...i, path: i.path?.replace(/^participant\./, '') })) });
  moved.correlationId = error.correlationId;
  return moved;
}

function valuesOf(training: Training, saved?: Participant): Values {
  if (!saved)
    return {
      surname: '',
      name: '',
      patronymic: '',
      position: '',
      organisationId: '',
      territory: '',
      attendance: 'full',
      hoursAttended: training.hours,
      traineeId: null,
    };
  return {
    id: saved.id,
    surname: saved.surname,
    name: saved.name,
    patronymic: saved.patronymic,
    position: saved.position,
    organisationId: saved.organisationId,
    territory: saved.territory,
    attendance: saved.attendance,
    hoursAttended: saved.hoursAttended,
    traineeId: saved.traineeId,
  };
}

/**
 * One participant, added by hand or corrected: who, from where, how much they attended. For a new one the people
 * trained before under the same name are offered; the user says whether it is the same person.
 */
export function ParticipantModal({ training, saved, opened, onClose }: { training: Training; saved?: Participant; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={saved ? t('trainings.participant.editTitle') : t('trainings.participant.newTitle')} size="xl">
      {opened ? <ParticipantForm training={training} saved={saved} onDone={onClose} /> : null}
    </Modal>
  );
}

function ParticipantForm({ training, saved, onDone }: { training: Training; saved?: Participant; onDone(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('trainings:saveParticipant', {
    invalidates: ['coverage'],
  });
  const organisations = useChannelQuery('organisations:options', {
    includeInactive: true,
  });
  const [defaultValues] = useState(() => valuesOf(training, saved));
  const form = useContractForm(ParticipantInputSchema, {
    defaultValues,
    feature: 'trainings',
  });
  const { control } = form;
  const [surname, name, patronymic, organisationId, attendance, traineeId] = useWatch({
    control,
    name: ['surname', 'name', 'patronymic', 'organisationId', 'attendance', 'traineeId'],
  });
  const [who] = useDebouncedValue(`${surname ?? ''}|${name ?? ''}|${patronymic ?? ''}|${organisationId ?? ''}`, 300);
  const [whoSurname = '', whoName = '', whoPatronymic = '', whoOrganisation = ''] = who.split('|');
  // People trained before under this name, found as the import finds them; only for someone new to this training.
  const check = useChannelQuery(
    'trainings:checkImport',
    {
      trainingId: training.id,
      rows: [
        {
          row: 1,
          surname: whoSurname,
          name: whoName,
          patronymic: whoPatronymic,
          organisationId: whoOrganisation || null,
          hours: String(training.hours),
          attendance: 'full',
        },
      ],
    },
    { enabled: !saved && whoSurname.trim() !== '' && whoName.trim() !== '' },
  );
  const matches = useMemo(() => check.data?.rows[0]?.matches ?? [], [check.data]);

  // A change of attendance proposes its hours; opening a saved participant changes nothing.
  const shownAttendance = useRef(attendance);
  useEffect(() => {
    if (shownAttendance.current === attendance) return;
    shownAttendance.current = attendance;
    if (attendance === 'absent') form.setValue('hoursAttended', 0, { shouldDirty: true });
    if (attendance === 'full') form.setValue('hoursAttended', training.hours, { shouldDirty: true });
  }, [attendance, form, training.hours]);

  // A person trained before ticked under other names is no longer offered: the tick goes with the offer.
  useEffect(() => {
    if (!saved && check.data && traineeId && !matches.some((m) => m.traineeId === traineeId)) form.setValue('traineeId', null, { shouldDirty: true });
  }, [saved, check.data, traineeId, matches, form]);

  const submit = form.handleSubmit(async (given) => {
    setFormError(null);
    try {
      await save.mutateAsync({ trainingId: training.id, participant: given });
      onDone();
    } catch (caught) {
      const error = ownPaths(asAppError(caught));
      const placed = placeServerError(form, t, error, 'trainings');
      // «traineeId» has no box of its own: a refusal about it is said above the buttons.
      if (placed.length === 0 || placed.includes('traineeId')) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="participant-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextField control={control} name="surname" label={t('trainings.participant.surname')} required data-autofocus />
          <TextField control={control} name="name" label={t('trainings.participant.name')} required />
          <TextField control={control} name="patronymic" label={t('trainings.participant.patronymic')} />
        </SimpleGrid>
        <TextField control={control} name="position" label={t('trainings.participant.position')} />
        <SelectField
          control={control}
          name="organisationId"
          label={t('trainings.participant.organisation')}
          data={organisationOptions(organisations.data ?? [], {
            activeOnly: true,
            keep: saved?.organisationId,
          })}
          nothingFoundMessage={t('trainings.form.noOrganisation')}
          searchable
          required
        />
        <TerritoryPicker control={control} name="territory" label={t('trainings.participant.territory')} description={t('trainings.participant.territoryHint')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SelectField
            control={control}
            name="attendance"
            label={t('trainings.participant.attendance')}
            data={ATTENDANCES.map((value) => ({
              value,
              label: wordsIn(ATTENDANCE_WORDS[value], language),
            }))}
            required
          />
          <NumberField
            control={control}
            name="hoursAttended"
            label={t('trainings.participant.hours', { hours: training.hours })}
            allowDecimal
            decimalScale={1}
            step={0.5}
            min={0}
            max={training.hours}
            required
          />
        </SimpleGrid>
        {matches.length > 0 ? (
          <Alert color="blue" variant="light" title={t('trainings.participant.trainedBefore')}>
            <Stack gap={4}>
              {matches.map((m) => (
                <Checkbox
                  key={m.traineeId}
                  checked={traineeId === m.traineeId}
                  onChange={(e) => form.setValue('traineeId', e.currentTarget.checked ? m.traineeId : null, { shouldDirty: true })}
                  label={t('trainings.participant.samePerson', {
                    name: m.fullName,
                    organisation: m.organisationName,
                    training: m.lastTraining,
                    date: formatDate(m.lastTrainedOn),
                  })}
                />
              ))}
              <Text size="xs" c="dimmed">
                {t('trainings.participant.samePersonHint')}
              </Text>
            </Stack>
          </Alert>
        ) : null}
        <RefusalAlert error={formError} sentence={(e) => trainingErrorSentence(t, e)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
