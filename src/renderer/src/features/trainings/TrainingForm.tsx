import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { TRAINING_FORMATS, TRAINING_FORMAT_WORDS, TRAINING_KINDS, TRAINING_KIND_WORDS } from '../../../../shared/domain/training-codes';
import { TrainingInputSchema, type Training } from '../../../../shared/domain/trainings';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { useLanguage, wordsIn } from '../../components/code-words';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { MultiSelectField, NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { kyivToday } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { organisationOptions } from '../../components/organisation-options';
import { RefusalAlert } from '../../components/RefusalAlert';
import { TerritoryPicker } from '../../components/TerritoryPicker';
import { useLeaveGuard } from '../cases/use-leave-guard';
import { trainingErrorSentence } from './training-errors';

type Values = z.input<typeof TrainingInputSchema>;

export function NewTraining() {
  const today = kyivToday();
  return (
    <TrainingForm
      values={{
        title: '',
        kind: 'training',
        topics: [],
        startsOn: today,
        endsOn: today,
        hours: 8,
        format: 'in_person',
        venue: '',
        place: '',
        organiserIds: [],
        partnerIds: [],
        trainers: [],
        programme: '',
        note: '',
      }}
    />
  );
}

export function EditTraining({ trainingId }: { trainingId: string }) {
  const training = useChannelQuery('trainings:get', { id: trainingId });
  if (!training.data) return <LoadStatus query={training} />;
  return <TrainingForm values={valuesOf(training.data)} saved={training.data} />;
}

function valuesOf(t: Training): Values {
  return {
    id: t.id,
    title: t.title,
    kind: t.kind,
    topics: t.topics,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    hours: t.hours,
    format: t.format,
    venue: t.venue,
    place: t.place,
    organiserIds: t.organisers.map((o) => o.id),
    partnerIds: t.partners.map((o) => o.id),
    trainers: t.trainers,
    programme: t.programme,
    note: t.note,
  };
}

/**
 * A training as the office plans and reports it: what, when, how long, where, who organised it with whom, who
 * taught, and the programme. Participants come after, on the card (one by one or from the sign-in sheet).
 */
function TrainingForm({ values, saved }: { values: Values; saved?: Training }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { open, setLeaveGuard } = useNavigation();
  const titleId = useId();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('trainings:save', {
    invalidates: ['coverage'],
  });
  const organisations = useChannelQuery('organisations:options', {
    includeInactive: true,
  });
  const topics = useChannelQuery('trainings:topics', {});
  const [defaultValues] = useState(values);
  const form = useContractForm(TrainingInputSchema, {
    defaultValues,
    feature: 'trainings',
  });
  const { control } = form;
  const trainers = useFieldArray({ control, name: 'trainers' });
  const [format, chosenTopics] = useWatch({
    control,
    name: ['format', 'topics'],
  });
  const leaveGuard = useLeaveGuard(form.formState.isDirty);

  const submit = form.handleSubmit(async (given) => {
    setFormError(null);
    try {
      const result = await save.mutateAsync(given);
      setLeaveGuard(null);
      open('trainings', result.id);
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'trainings').length === 0) setFormError(error);
    }
  });
  const keys = getHotkeyHandler([['mod+S', () => void submit(), { preventDefault: true, usePhysicalKeys: true }]]);
  const all = organisations.data ?? [];
  const topicOptions = (topics.data ?? [])
    .filter((tp) => tp.active || (chosenTopics ?? []).includes(tp.code))
    .map((tp) => ({
      value: tp.code,
      label: language === 'en' ? tp.en : tp.uk,
    }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate onKeyDown={keys} data-testid="training-form">
        <Stack gap="sm">
          <Title order={1} size="h2" id={titleId}>
            {saved ? t('trainings.form.editTitle') : t('trainings.form.newTitle')}
          </Title>
          <TextField control={control} name="title" label={t('trainings.form.title')} required data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <SelectField
              control={control}
              name="kind"
              label={t('trainings.form.kind')}
              data={TRAINING_KINDS.map((value) => ({
                value,
                label: wordsIn(TRAINING_KIND_WORDS[value], language),
              }))}
              required
            />
            <SelectField
              control={control}
              name="format"
              label={t('trainings.form.format')}
              data={TRAINING_FORMATS.map((value) => ({
                value,
                label: wordsIn(TRAINING_FORMAT_WORDS[value], language),
              }))}
              required
            />
            <NumberField
              control={control}
              name="hours"
              label={t('trainings.form.hours')}
              description={t('trainings.form.hoursHint')}
              allowDecimal
              decimalScale={1}
              step={0.5}
              min={0.5}
              required
            />
          </SimpleGrid>
          <MultiSelectField control={control} name="topics" label={t('trainings.form.topics')} data={topicOptions} searchable required />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField control={control} name="startsOn" label={t('trainings.form.startsOn')} required />
            <DateField control={control} name="endsOn" label={t('trainings.form.endsOn')} required />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TerritoryPicker control={control} name="venue" label={t('trainings.form.venue')} required={format !== 'online'} description={t('trainings.form.venueHint')} />
            <TextField control={control} name="place" label={format === 'online' ? t('trainings.form.platform') : t('trainings.form.place')} />
          </SimpleGrid>
          <MultiSelectField
            control={control}
            name="organiserIds"
            label={t('trainings.form.organisers')}
            data={organisationOptions(all, { activeOnly: true, keep: saved?.organisers.map((o) => o.id) })}
            nothingFoundMessage={t('trainings.form.noOrganisation')}
            searchable
            required
          />
          <MultiSelectField
            control={control}
            name="partnerIds"
            label={t('trainings.form.partners')}
            description={t('trainings.form.partnersHint')}
            data={organisationOptions(all, { activeOnly: true, keep: saved?.partners.map((o) => o.id) })}
            nothingFoundMessage={t('trainings.form.noOrganisation')}
            searchable
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('trainings.form.trainers')}
            </Text>
            {trainers.fields.map((field, index) => (
              <Group key={field.id} align="flex-start" wrap="nowrap">
                <TextField control={control} name={`trainers.${index}.name`} label={t('trainings.form.trainerName')} required style={{ flex: 1 }} />
                <TextField control={control} name={`trainers.${index}.affiliation`} label={t('trainings.form.trainerAffiliation')} style={{ flex: 2 }} />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  onClick={() => trainers.remove(index)}
                  aria-label={t('trainings.form.removeTrainer', {
                    number: index + 1,
                  })}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="light" size="xs" onClick={() => trainers.append({ name: '', affiliation: '' })}>
                {t('trainings.form.addTrainer')}
              </Button>
            </Group>
          </Stack>
          <TextAreaField
            control={control}
            name="programme"
            label={t('trainings.form.programme')}
            description={t('trainings.form.programmeHint')}
            autosize
            minRows={3}
            maxRows={12}
          />
          <TextAreaField control={control} name="note" label={t('trainings.form.note')} autosize minRows={2} />
          <RefusalAlert error={formError} sentence={(e) => trainingErrorSentence(t, e)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => open('trainings', saved?.id)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {leaveGuard}
    </Paper>
  );
}
