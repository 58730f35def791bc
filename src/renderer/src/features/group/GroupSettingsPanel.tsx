import { Alert, Fieldset, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DECISION_RULES, GroupSettingsSchema, isQuorumFraction, quorumNeeded, type GroupSettings } from '../../../../shared/domain/group';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { DateField } from '../../components/date-fields';
import { NumberField, SelectField, SwitchField, TextAreaField, TextField } from '../../components/fields';

/** The council's name, founding order, regulation and rules of work; read-only for those who may not change them. */
export function GroupSettingsPanel({ settings, memberCount, canWrite }: { settings: GroupSettings; memberCount: number | null; canWrite: boolean }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('group:update', { invalidates: ['meetings'] });
  // `values`: the form follows the settings as the store has them, reset whenever they come back changed.
  const form = useContractForm(GroupSettingsSchema, { values: settings, feature: 'group' });
  const { isDirty } = form.formState;
  const { control } = form;
  const readOnly = !canWrite;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      form.reset(await save.mutateAsync(values));
      notifications.show({ color: 'green', message: t('group.saved') });
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'group').length === 0) setFormError(error);
    }
  });

  const below = ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[];
  const numberField = (name: 'quorumNumerator' | 'quorumDenominator' | 'noticeWorkingDays' | 'meetingsPerYear', label: string, description?: string) => (
    <NumberField control={control} name={name} label={label} description={description} inputWrapperOrder={below} required disabled={readOnly} />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={980}>
        {readOnly ? (
          <Alert color="gray" variant="light">
            {t('group.readOnlyHint')}
          </Alert>
        ) : null}
        <Fieldset legend={t('group.sections.founding')}>
          <Stack gap="sm">
            <TextField control={control} name="name" label={t('group.fields.name')} description={t('group.fields.nameHint')} required disabled={readOnly} />
            <TextField control={control} name="parentBody" label={t('group.fields.parentBody')} description={t('group.fields.parentBodyHint')} required disabled={readOnly} />
            <SimpleGrid cols={2} spacing="sm">
              <TextField control={control} name="orderNumber" label={t('group.fields.orderNumber')} leftSection="№" disabled={readOnly} />
              <DateField control={control} name="orderDate" label={t('group.fields.orderDate')} disabled={readOnly} nullable />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('group.sections.regulation')}>
          <TextAreaField
            control={control}
            name="regulation"
            label={t('group.fields.regulation')}
            description={t('group.fields.regulationHint')}
            minRows={3}
            maxRows={10}
            disabled={readOnly}
          />
        </Fieldset>
        <Fieldset legend={t('group.sections.quorum')}>
          <Stack gap="sm">
            <Controller
              control={control}
              name="quorumStrict"
              render={({ field, fieldState }) => (
                <Radio.Group
                  label={t('group.fields.quorumStrict')}
                  value={field.value ? 'more' : 'atLeast'}
                  onChange={(value) => field.onChange(value === 'more')}
                  error={fieldState.error?.message}
                >
                  <Stack gap={6} mt={6}>
                    <Radio value="more" label={t('group.fields.quorumStrictMore')} disabled={readOnly} />
                    <Radio value="atLeast" label={t('group.fields.quorumStrictAtLeast')} disabled={readOnly} />
                  </Stack>
                </Radio.Group>
              )}
            />
            <SimpleGrid cols={2} spacing="sm" maw={480}>
              {numberField('quorumNumerator', t('group.fields.quorumNumerator'))}
              {numberField('quorumDenominator', t('group.fields.quorumDenominator'))}
            </SimpleGrid>
            <QuorumSentence control={control} memberCount={memberCount} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('group.sections.meetings')}>
          <Stack gap="sm">
            <SimpleGrid cols={2} spacing="sm">
              {numberField('noticeWorkingDays', t('group.fields.noticeWorkingDays'), t('group.fields.noticeWorkingDaysHint'))}
              {numberField('meetingsPerYear', t('group.fields.meetingsPerYear'), t('group.fields.meetingsPerYearHint'))}
            </SimpleGrid>
            <SelectField
              control={control}
              name="decisionRule"
              label={t('group.fields.decisionRule')}
              data={DECISION_RULES.map((rule) => ({ value: rule, label: t(`group.decisionRules.${rule}`) }))}
              required
              disabled={readOnly}
            />
            <SwitchField control={control} name="remoteAllowed" label={t('group.fields.remoteAllowed')} disabled={readOnly} />
          </Stack>
        </Fieldset>
        {canWrite ? (
          <FormActions error={formError} submit={t('common.save')} loading={save.isPending} onCancel={() => form.reset(settings)} cancelDisabled={!isDirty} />
        ) : null}
      </Stack>
    </form>
  );
}

/** The rule in words, with what it means for the council as it is today. */
function QuorumSentence({ control, memberCount }: { control: Control<GroupSettings, unknown, GroupSettings>; memberCount: number | null }) {
  const { t } = useTranslation();
  const [quorumNumerator, quorumDenominator, quorumStrict] = useWatch({ control, name: ['quorumNumerator', 'quorumDenominator', 'quorumStrict'] });
  // The contract's own rules decide whether the fraction is one to put in words.
  const { shape } = GroupSettingsSchema;
  const valid =
    shape.quorumNumerator.safeParse(quorumNumerator).success && shape.quorumDenominator.safeParse(quorumDenominator).success && isQuorumFraction({ quorumNumerator, quorumDenominator });
  const numerator = quorumNumerator;
  const denominator = quorumDenominator;
  const strict = quorumStrict;
  let sentence: string;
  if (!valid) sentence = t('group.quorumInvalid');
  else {
    const parts = { comparison: t(strict ? 'group.comparisonStrict' : 'group.comparisonAtLeast'), numerator, denominator };
    sentence =
      memberCount === null
        ? t('group.quorumSentenceNoCount', parts)
        : t('group.quorumSentence', {
            ...parts,
            members: t('group.memberCount', { count: memberCount }),
            needed: quorumNeeded(memberCount, { quorumNumerator: numerator, quorumDenominator: denominator, quorumStrict: strict }),
          });
  }
  return (
    <Text size="sm" fw={500} c={valid ? undefined : 'dimmed'} aria-live="polite" data-testid="quorum-sentence">
      {sentence}
    </Text>
  );
}
