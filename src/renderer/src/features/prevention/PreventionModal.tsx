import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PreventionInputSchema, type PreventionEvent } from '../../../../shared/domain/prevention';
import { PREVENTION_KINDS, PREVENTION_KIND_WORDS, TARGET_GROUPS, TARGET_GROUP_WORDS } from '../../../../shared/domain/training-codes';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
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

type Values = z.input<typeof PreventionInputSchema>;

const NEW: Values = {
  kind: 'school_session',
  title: '',
  date: '',
  territory: '',
  place: '',
  organiserIds: [],
  partnerIds: [],
  groups: {},
  materials: 0,
  mediaAudience: 0,
  note: '',
};

function valuesOf(e: PreventionEvent): Values {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    date: e.date,
    territory: e.territory,
    place: e.place,
    organiserIds: e.organisers.map((o) => o.id),
    partnerIds: e.partners.map((o) => o.id),
    groups: e.groups,
    materials: e.materials,
    mediaAudience: e.mediaAudience,
    note: e.note,
  };
}

/** A prevention event, new or recorded: opened from the list, saved or removed from here. */
export function PreventionModal({ eventId, canWrite, onClose }: { eventId: string | null; canWrite: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const saved = useChannelQuery('prevention:get', { id: eventId ?? '' }, { enabled: eventId !== null });
  return (
    <Modal opened onClose={onClose} title={eventId ? t('prevention.form.editTitle') : t('prevention.form.newTitle')} size="xl">
      {eventId && !saved.data ? <LoadStatus query={saved} /> : <PreventionForm saved={eventId ? saved.data : undefined} canWrite={canWrite} onDone={onClose} />}
    </Modal>
  );
}

function sentence(t: (key: string, options?: Record<string, unknown>) => string, error: AppError): string | null {
  const reason = error.details.reason;
  return typeof reason === 'string' ? t(`prevention.errors.${reason}`, { defaultValue: '' }) || null : null;
}

function PreventionForm({ saved, canWrite, onDone }: { saved?: PreventionEvent; canWrite: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [formError, setFormError] = useState<AppError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const save = useChannelMutation('prevention:save', {
    invalidates: ['coverage'],
  });
  const remove = useChannelMutation('prevention:remove', {
    invalidates: ['coverage'],
  });
  const organisations = useChannelQuery('organisations:options', {
    includeInactive: true,
  });
  const [defaultValues] = useState(() => (saved ? valuesOf(saved) : { ...NEW, date: kyivToday() }));
  const form = useContractForm(PreventionInputSchema, {
    defaultValues,
    feature: 'prevention',
  });
  const { control } = form;
  const groups = useWatch({ control, name: 'groups' }) ?? {};
  const people = Object.values(groups).reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), 0);
  const all = organisations.data ?? [];

  const submit = form.handleSubmit(async (given) => {
    setFormError(null);
    try {
      await save.mutateAsync(given);
      onDone();
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'prevention').length === 0) setFormError(error);
    }
  });
  const removeEvent = async () => {
    if (!saved) return;
    setFormError(null);
    try {
      await remove.mutateAsync({ id: saved.id });
      onDone();
    } catch (caught) {
      setFormError(asAppError(caught));
    }
  };
  const keys = getHotkeyHandler([['mod+S', () => void submit(), { preventDefault: true, usePhysicalKeys: true }]]);

  return (
    <form onSubmit={submit} noValidate onKeyDown={keys} data-testid="prevention-form">
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SelectField
              control={control}
              name="kind"
              label={t('prevention.form.kind')}
              data={PREVENTION_KINDS.map((value) => ({
                value,
                label: wordsIn(PREVENTION_KIND_WORDS[value], language),
              }))}
              required
            />
            <DateField control={control} name="date" label={t('prevention.form.date')} maxDate={kyivToday()} required />
          </SimpleGrid>
          <TextField control={control} name="title" label={t('prevention.form.title')} description={t('prevention.form.titleHint')} required data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TerritoryPicker control={control} name="territory" label={t('prevention.form.territory')} description={t('prevention.form.territoryHint')} required />
            <TextField control={control} name="place" label={t('prevention.form.place')} />
          </SimpleGrid>
          <MultiSelectField
            control={control}
            name="organiserIds"
            label={t('prevention.form.organisers')}
            data={organisationOptions(all, { activeOnly: true, keep: [...(saved?.organisers ?? []), ...(saved?.partners ?? [])].map((o) => o.id) })}
            searchable
            required
          />
          <MultiSelectField
            control={control}
            name="partnerIds"
            label={t('prevention.form.partners')}
            data={organisationOptions(all, { activeOnly: true, keep: [...(saved?.organisers ?? []), ...(saved?.partners ?? [])].map((o) => o.id) })}
            searchable
          />
          <Text size="sm" fw={500}>
            {t('prevention.form.groups')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {TARGET_GROUPS.map((group) => (
              <NumberField key={group} control={control} name={`groups.${group}`} label={wordsIn(TARGET_GROUP_WORDS[group], language)} min={0} nullable />
            ))}
          </SimpleGrid>
          <Text size="sm" role="status">
            {t('prevention.form.people', { count: people })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberField control={control} name="materials" label={t('prevention.form.materials')} min={0} />
            <NumberField control={control} name="mediaAudience" label={t('prevention.form.mediaAudience')} description={t('prevention.form.mediaHint')} min={0} />
          </SimpleGrid>
          <TextAreaField control={control} name="note" label={t('prevention.form.note')} autosize minRows={2} />
        </Stack>
      </fieldset>
      <Stack gap="sm" mt="sm">
        <RefusalAlert error={formError} sentence={(e) => sentence(t, e)} />
        <Group justify="space-between">
          {saved && canWrite ? (
            confirming ? (
              <Group gap="xs">
                <Text size="sm">{t('prevention.form.removeQuestion')}</Text>
                <Button color="red" size="xs" onClick={() => void removeEvent()} loading={remove.isPending}>
                  {t('prevention.form.removeConfirm')}
                </Button>
                <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            ) : (
              <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
                {t('prevention.form.remove')}
              </Button>
            )
          ) : (
            <span />
          )}
          <Group>
            <Button variant="default" onClick={onDone}>
              {canWrite ? t('common.cancel') : t('common.close')}
            </Button>
            {canWrite ? (
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
