import { Button, Group, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DECLINE_REASONS, DECLINE_REASON_WORDS, OUTCOMES, OUTCOME_WORDS, REVOKE_REASONS, REVOKE_REASON_WORDS } from '../../../../shared/domain/referral-codes';
import { ReferralEventInputSchema, type Referral, type ReferralEvent, type ReferralEventInput } from '../../../../shared/domain/referrals';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { useLanguage, wordsIn } from '../../components/code-words';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { SelectField, TextAreaField } from '../../components/fields';
import { kyivToday } from '../../components/format';
import { ReferralErrorAlert } from './ReferralErrorAlert';

type EventValues = z.input<typeof ReferralEventInputSchema>;

/**
 * One change of a referral's state: the date (today by default, never in the future), the coded reason or outcome
 * where the change has one, and a note (the reason in words when it is «other»). Ctrl+S records it, Esc leaves a
 * form nothing was typed in.
 */
export function EventForm({ referral, event, onDone, onCancel }: { referral: Referral; event: ReferralEvent; onDone(updated: Referral): void; onCancel(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const today = kyivToday();
  const [formError, setFormError] = useState<AppError | null>(null);
  const advance = useChannelMutation('referrals:advance', { invalidates: ['persons', 'dashboard'] });
  const [defaultValues] = useState(() => ({ event, date: today, note: '' }) as EventValues);
  const form = useContractForm(ReferralEventInputSchema, { defaultValues, feature: 'referrals' });
  const { control } = form;
  const reason = useWatch({ control, name: 'reason' }) as string | undefined;

  const submit = form.handleSubmit(async (change: ReferralEventInput) => {
    setFormError(null);
    try {
      onDone(await advance.mutateAsync({ id: referral.id, change }));
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'referrals').length === 0 || error.code === 'VALIDATION') setFormError(error);
    }
  });

  const keys = getHotkeyHandler([
    ['mod+S', () => void submit(), { preventDefault: true, usePhysicalKeys: true }],
    [
      'Escape',
      (e) => {
        if ((e.target as HTMLElement).getAttribute('aria-expanded') === 'true' || form.formState.isDirty) return;
        onCancel();
      },
    ],
  ]);

  const reasons =
    event === 'decline'
      ? DECLINE_REASONS.map((value) => ({ value, label: wordsIn(DECLINE_REASON_WORDS[value], language) }))
      : event === 'revoke'
        ? REVOKE_REASONS.map((value) => ({ value, label: wordsIn(REVOKE_REASON_WORDS[value], language) }))
        : null;
  // A decline always comes with the recipient's reason in words (the issue's «coded reason plus text»); a revocation when «other».
  const noteRequired = event === 'decline' || (reasons !== null && reason === 'other');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate onKeyDown={keys} data-testid="event-form" data-event={event}>
        <Stack gap="sm">
          <Title order={3} size="h4" id={titleId}>
            {t(`referrals.events.${event}`)}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField control={control} name="date" label={t('referrals.eventForm.date')} description={t('referrals.eventForm.dateHint')} maxDate={today} required data-autofocus autoFocus />
            {reasons ? (
              <SelectField control={control} name="reason" label={t(`referrals.eventForm.reason.${event}`)} data={reasons} placeholder={t('referrals.form.choose')} required />
            ) : null}
            {event === 'complete' ? (
              <SelectField
                control={control}
                name="outcome"
                label={t('referrals.eventForm.outcome')}
                data={OUTCOMES.map((value) => ({ value, label: wordsIn(OUTCOME_WORDS[value], language) }))}
                placeholder={t('referrals.form.choose')}
                required
              />
            ) : null}
          </SimpleGrid>
          <TextAreaField
            control={control}
            name="note"
            label={noteRequired ? t('referrals.eventForm.reasonText') : t('referrals.eventForm.note')}
            required={noteRequired}
            autosize
            minRows={2}
            maxRows={6}
          />
          <ReferralErrorAlert error={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={advance.isPending} title={t('referrals.form.saveHint')}>
              {t('referrals.eventForm.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
