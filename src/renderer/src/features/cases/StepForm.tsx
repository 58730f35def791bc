import { Alert, Button, Group, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useId, useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { certificateValidUntil, extensionLimit } from '../../../../shared/case-procedure';
import { DECISION_OUTCOMES, END_REASONS, OUTCOME_WORDS, REFUSAL_REASONS, REFUSAL_WORDS, END_WORDS, WAIVER_REASONS, WAIVER_WORDS } from '../../../../shared/domain/case-codes';
import type { Case, Step } from '../../../../shared/domain/cases';
import type { Parameters } from '../../../../shared/domain/parameters';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { useSession } from '../../app/session-context';
import { useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { LinesField, SelectField, TextAreaField, TextField, YesNoField } from '../../components/fields';
import { formatDate, kyivToday } from '../../components/format';
import { placeCaseError } from './case-errors';
import { CaseErrorAlert } from './CaseErrorAlert';
import { clockOf, decidingBodyOn } from './parameter-clock';
import { NUMBER_REQUIRED, NUMBERED, newStepValues, StepFormSchema, stepValuesOf, type RecordableKind } from './step-values';
import { useLanguage, wordsIn } from '../../components/code-words';
import { useLeaveGuard } from './use-leave-guard';

/**
 * One step of the procedure, new or corrected: the date, who did it, and what the kind of step has (a number, an
 * outcome, a reason, a court), with what the app will compute shown beforehand. Keyboard first: the date has the
 * focus, Tab walks the fields, Ctrl+S (or Enter in a one-line field) saves, Esc leaves a form nothing was typed in.
 */
export function StepForm({
  caseData,
  kind,
  saved,
  parameters,
  onDone,
  onCancel,
}: {
  caseData: Case;
  kind: RecordableKind;
  /** The step being corrected; a new one when absent. */
  saved?: Step;
  parameters: Parameters | undefined;
  onDone(updated: Case): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { session } = useSession();
  const titleId = useId();
  const [formError, setFormError] = useState<AppError | null>(null);
  const add = useChannelMutation('cases:addStep', { invalidates: ['dashboard'] });
  const update = useChannelMutation('cases:updateStep', { invalidates: ['dashboard'] });
  const [defaultValues] = useState(() => (saved ? stepValuesOf(saved) : newStepValues(kind, session.displayName, kyivToday())));
  const form = useContractForm(StepFormSchema, { defaultValues, feature: 'cases' });
  const { control } = form;
  const values = useWatch({ control, name: 'step' }) as Partial<Record<string, unknown>>;
  const date = typeof values.date === 'string' ? values.date : '';
  const leaveGuard = useLeaveGuard(form.formState.isDirty);
  const [untilDanger, setUntilDanger] = useState(kind === 'extension' && saved !== undefined && saved.validUntil === null);

  const submit = form.handleSubmit(async ({ step }) => {
    setFormError(null);
    try {
      const updated = saved ? await update.mutateAsync({ caseId: caseData.id, stepId: saved.id, step }) : await add.mutateAsync({ caseId: caseData.id, step });
      onDone(updated);
    } catch (caught) {
      const error = asAppError(caught);
      if (placeCaseError(form, t, error).length === 0 || error.code === 'VALIDATION') setFormError(error);
    }
  });

  const keys = getHotkeyHandler([
    ['mod+S', () => void submit(), { preventDefault: true, usePhysicalKeys: true }],
    [
      'Escape',
      (event) => {
        // Esc closes an open list first; and it never throws typed work away (that takes «Скасувати»).
        if ((event.target as HTMLElement).getAttribute('aria-expanded') === 'true' || form.formState.isDirty) return;
        onCancel();
      },
    ],
  ]);

  const clock = parameters ? clockOf(parameters) : null;
  const steps = caseData.steps;
  const grant = [...steps].reverse().find((s) => s.kind === 'decision' && s.outcome === 'granted');
  const due = !saved && caseData.nextStep === kind && caseData.dueOn ? caseData.dueOn : null;
  const outcome = values.outcome;
  const refusalReason = values.refusalReason;
  const proceedings = values.proceedings;
  const endReason = values.endReason;
  const noteLabel =
    kind === 'extension'
      ? t('cases.stepForm.reasoning')
      : kind === 'ended' && endReason === 'deprivation'
        ? t('cases.stepForm.finding')
        : kind === 'decision' && outcome === 'refused' && refusalReason === 'other'
          ? t('cases.stepForm.refusalText')
          : t('cases.stepForm.note');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} bg="var(--mantine-color-body)">
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate onKeyDown={keys} data-testid="step-form" data-kind={kind}>
          <Stack gap="sm">
            <Title order={3} size="h4" id={titleId}>
              {t(saved ? 'cases.stepForm.editTitle' : 'cases.stepForm.newTitle', { step: t(`cases.steps.${kind}`) })}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField
                control={control}
                name="step.date"
                label={t('cases.stepForm.date')}
                description={due ? t('cases.stepForm.dueHint', { date: formatDate(due) }) : undefined}
                required
                data-autofocus
                autoFocus
              />
              <TextField control={control} name="step.official" label={t('cases.stepForm.official')} description={t('cases.stepForm.officialHint')} required />
            </SimpleGrid>

            {kind === 'interview_waived' ? (
              <SelectField
                control={control}
                name="step.waiverReason"
                label={t('cases.stepForm.waiverReason')}
                description={t('cases.stepForm.waiverHint')}
                data={WAIVER_REASONS.map((value) => ({ value, label: wordsIn(WAIVER_WORDS[value], language) }))}
                placeholder={t('cases.stepForm.choose')}
                required
              />
            ) : null}

            {kind === 'decision' ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <SelectField
                  control={control}
                  name="step.outcome"
                  label={t('cases.stepForm.outcome')}
                  data={DECISION_OUTCOMES.map((value) => ({ value, label: wordsIn(OUTCOME_WORDS[value], language) }))}
                  placeholder={t('cases.stepForm.choose')}
                  required
                />
                {outcome === 'refused' ? (
                  <SelectField
                    control={control}
                    name="step.refusalReason"
                    label={t('cases.stepForm.refusalReason')}
                    data={REFUSAL_REASONS.map((value) => ({ value, label: wordsIn(REFUSAL_WORDS[value], language) }))}
                    placeholder={t('cases.stepForm.choose')}
                    required
                  />
                ) : null}
              </SimpleGrid>
            ) : null}

            {NUMBERED.includes(kind) ? (
              <TextField control={control} name="step.number" label={t(`cases.stepForm.number.${kind}`)} required={NUMBER_REQUIRED.includes(kind)} w={{ base: '100%', sm: '50%' }} />
            ) : null}

            {kind === 'police_answer' ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <YesNoField control={control} name="step.proceedings" label={t('cases.stepForm.proceedings')} yes={t('cases.stepForm.proceedingsYes')} no={t('cases.stepForm.proceedingsNo')} required />
                {proceedings === true ? (
                  <TextField control={control} name="step.proceedingsNumber" label={t('cases.stepForm.proceedingsNumber')} description={t('cases.stepForm.proceedingsNumberHint')} required />
                ) : null}
              </SimpleGrid>
            ) : null}

            {kind === 'extension' ? (
              <Stack gap={6}>
                {caseData.foreigner ? (
                  <Switch
                    label={t('cases.stepForm.untilDanger')}
                    checked={untilDanger}
                    onChange={(event) => {
                      const on = event.currentTarget.checked;
                      setUntilDanger(on);
                      form.setValue('step.validUntil', on ? null : '', { shouldDirty: true });
                    }}
                  />
                ) : null}
                {untilDanger ? null : (
                  <DateField
                    control={control}
                    name="step.validUntil"
                    label={t('cases.stepForm.validUntil')}
                    description={(() => {
                      const limit = clock ? extensionLimit(steps, clock) : null;
                      return limit ? t('cases.stepForm.extensionLimit', { date: formatDate(limit) }) : undefined;
                    })()}
                    required
                    w={{ base: '100%', sm: '50%' }}
                  />
                )}
              </Stack>
            ) : null}

            {kind === 'ended' ? (
              <SelectField
                control={control}
                name="step.endReason"
                label={t('cases.stepForm.endReason')}
                data={END_REASONS.filter((value) => value !== 'danger_ended' || caseData.foreigner).map((value) => ({ value, label: wordsIn(END_WORDS[value], language) }))}
                placeholder={t('cases.stepForm.choose')}
                required
              />
            ) : null}

            {kind === 'appeal' ? <TextField control={control} name="step.court" label={t('cases.stepForm.court')} required /> : null}

            <TextAreaField
              control={control}
              name="step.note"
              label={noteLabel}
              required={kind === 'extension' || (kind === 'ended' && endReason === 'deprivation') || (kind === 'decision' && outcome === 'refused' && refusalReason === 'other')}
              autosize
              minRows={2}
              maxRows={8}
            />
            <LinesField control={control} name="step.documents" label={t('cases.stepForm.documents')} description={t('cases.fields.linesHint')} />

            {kind === 'forwarded' && parameters && date ? (
              <Alert color="blue" variant="light" role="note" py="xs">
                <Text size="sm">{t('cases.stepForm.decidingBodyPreview', { body: saved?.decidingBody || decidingBodyOn(parameters, date) || t('common.none') })}</Text>
              </Alert>
            ) : null}
            {kind === 'certificate' && clock && grant ? (
              <Alert color="blue" variant="light" role="note" py="xs">
                <Text size="sm">{t('cases.stepForm.validUntilPreview', { date: formatDate(certificateValidUntil(grant.date, clock)) })}</Text>
              </Alert>
            ) : null}

            <CaseErrorAlert error={formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={add.isPending || update.isPending} title={t('cases.stepForm.saveHint')}>
                {saved ? t('common.save') : t('cases.stepForm.record')}
              </Button>
            </Group>
          </Stack>
        </form>
      </FormProvider>
      {leaveGuard}
    </Paper>
  );
}
