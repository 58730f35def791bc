import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Fieldset, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { quorumNeeded, type GroupSettings } from '../../../../shared/domain/group';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isIsoDate } from '../../components/format';
import { placeServerError } from './place-server-error';

const DECISION_RULES = ['simple_majority_present', 'majority_of_members', 'two_thirds_present'] as const;

function useSettingsSchema() {
  const { t } = useTranslation();
  return useMemo(() => {
    const text = (min: number, max: number) =>
      z
        .string()
        .trim()
        .min(min > 0 ? 1 : 0, t('validation.required'))
        .min(min, t('validation.too_small', { minimum: min }))
        .max(max, t('validation.too_big', { maximum: max }));
    const whole = (min: number, max: number) => {
      const message = t('group.errors.number', { min, max });
      return z.number({ error: message }).int(message).min(min, message).max(max, message);
    };
    return z
      .object({
        name: text(5, 400),
        parentBody: text(2, 300),
        orderNumber: text(0, 40),
        orderDate: z.string().refine((value) => value === '' || isIsoDate(value), t('group.errors.date')),
        regulation: text(0, 2000),
        quorumNumerator: whole(1, 99),
        quorumDenominator: whole(1, 100),
        quorumStrict: z.boolean(),
        noticeWorkingDays: whole(0, 30),
        meetingsPerYear: whole(1, 52),
        decisionRule: z.enum(DECISION_RULES, { error: t('group.errors.decisionRule') }),
        remoteAllowed: z.boolean(),
      })
      .refine((g) => !(g.quorumNumerator > g.quorumDenominator), { path: ['quorumNumerator'], message: t('group.errors.fraction') });
  }, [t]);
}

type Values = z.infer<ReturnType<typeof useSettingsSchema>>;

const SERVER_FIELDS: Partial<Record<string, keyof Values>> = {
  name: 'name',
  parentBody: 'parentBody',
  orderNumber: 'orderNumber',
  orderDate: 'orderDate',
  regulation: 'regulation',
  quorumNumerator: 'quorumNumerator',
  quorumDenominator: 'quorumDenominator',
  quorumStrict: 'quorumStrict',
  noticeWorkingDays: 'noticeWorkingDays',
  meetingsPerYear: 'meetingsPerYear',
  decisionRule: 'decisionRule',
  remoteAllowed: 'remoteAllowed',
};

function toValues(settings: GroupSettings): Values {
  return { ...settings, orderDate: settings.orderDate ?? '' };
}

/** The council's name, founding order, regulation and rules of work; read-only for those who may not change them. */
export function GroupSettingsPanel({
  settings,
  memberCount,
  canWrite,
  onSaved,
}: {
  settings: GroupSettings;
  memberCount: number | null;
  canWrite: boolean;
  onSaved(settings: GroupSettings): void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const schema = useSettingsSchema();
  const [formError, setFormError] = useState<AppError | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: toValues(settings) });
  const { errors, isSubmitting, isDirty } = form.formState;
  const readOnly = !canWrite;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await api.call('group:update', { ...values, orderDate: values.orderDate || null });
      form.reset(toValues(saved));
      notifications.show({ color: 'green', message: t('group.saved') });
      onSaved(saved);
    } catch (caught) {
      const error = asAppError(caught);
      const placed = placeServerError(t, error, form.setError, SERVER_FIELDS, {
        orderDate: t('group.errors.date'),
        quorumNumerator: t('group.errors.fraction'),
      });
      if (!placed) setFormError(error);
    }
  });

  /** A NumberInput bound to a whole-number field; an emptied box is NaN, which the schema refuses with its range. */
  const numberField = (name: 'quorumNumerator' | 'quorumDenominator' | 'noticeWorkingDays' | 'meetingsPerYear', label: string, min: number, max: number, description?: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          description={description}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          disabled={readOnly}
          value={Number.isNaN(field.value) ? '' : field.value}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : NaN)}
          onBlur={field.onBlur}
          ref={field.ref}
          error={errors[name]?.message}
        />
      )}
    />
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
            <TextInput
              label={t('group.fields.name')}
              description={t('group.fields.nameHint')}
              required
              disabled={readOnly}
              autoComplete="off"
              error={errors.name?.message}
              {...form.register('name')}
            />
            <TextInput
              label={t('group.fields.parentBody')}
              description={t('group.fields.parentBodyHint')}
              required
              disabled={readOnly}
              autoComplete="off"
              error={errors.parentBody?.message}
              {...form.register('parentBody')}
            />
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                label={t('group.fields.orderNumber')}
                leftSection="№"
                disabled={readOnly}
                autoComplete="off"
                error={errors.orderNumber?.message}
                {...form.register('orderNumber')}
              />
              <TextInput type="date" label={t('group.fields.orderDate')} disabled={readOnly} error={errors.orderDate?.message} {...form.register('orderDate')} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('group.sections.regulation')}>
          <Textarea
            label={t('group.fields.regulation')}
            description={t('group.fields.regulationHint')}
            autosize
            minRows={3}
            maxRows={10}
            disabled={readOnly}
            error={errors.regulation?.message}
            {...form.register('regulation')}
          />
        </Fieldset>
        <Fieldset legend={t('group.sections.quorum')}>
          <Stack gap="sm">
            <Controller
              control={form.control}
              name="quorumStrict"
              render={({ field }) => (
                <Radio.Group
                  label={t('group.fields.quorumStrict')}
                  value={field.value ? 'more' : 'atLeast'}
                  onChange={(value) => field.onChange(value === 'more')}
                  error={errors.quorumStrict?.message}
                >
                  <Stack gap={6} mt={6}>
                    <Radio value="more" label={t('group.fields.quorumStrictMore')} disabled={readOnly} />
                    <Radio value="atLeast" label={t('group.fields.quorumStrictAtLeast')} disabled={readOnly} />
                  </Stack>
                </Radio.Group>
              )}
            />
            <SimpleGrid cols={2} spacing="sm" maw={480}>
              {numberField('quorumNumerator', t('group.fields.quorumNumerator'), 1, 99)}
              {numberField('quorumDenominator', t('group.fields.quorumDenominator'), 1, 100)}
            </SimpleGrid>
            <QuorumSentence control={form.control} memberCount={memberCount} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('group.sections.meetings')}>
          <Stack gap="sm">
            <SimpleGrid cols={2} spacing="sm">
              {numberField('noticeWorkingDays', t('group.fields.noticeWorkingDays'), 0, 30, t('group.fields.noticeWorkingDaysHint'))}
              {numberField('meetingsPerYear', t('group.fields.meetingsPerYear'), 1, 52, t('group.fields.meetingsPerYearHint'))}
            </SimpleGrid>
            <Controller
              control={form.control}
              name="decisionRule"
              render={({ field }) => (
                <Select
                  label={t('group.fields.decisionRule')}
                  data={DECISION_RULES.map((rule) => ({ value: rule, label: t(`group.decisionRules.${rule}`) }))}
                  required
                  allowDeselect={false}
                  disabled={readOnly}
                  value={field.value}
                  onChange={(value) => {
                    if (value) field.onChange(value);
                  }}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={errors.decisionRule?.message}
                />
              )}
            />
            <Controller
              control={form.control}
              name="remoteAllowed"
              render={({ field }) => (
                <Switch
                  label={t('group.fields.remoteAllowed')}
                  disabled={readOnly}
                  checked={field.value}
                  onChange={(event) => field.onChange(event.currentTarget.checked)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                />
              )}
            />
          </Stack>
        </Fieldset>
        <ErrorAlert error={formError} />
        {canWrite ? (
          <Group justify="flex-end">
            <Button variant="default" disabled={!isDirty} onClick={() => form.reset(toValues(settings))}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

/** The rule in words, with what it means for the council as it is today. */
function QuorumSentence({ control, memberCount }: { control: Control<Values>; memberCount: number | null }) {
  const { t } = useTranslation();
  const [numerator, denominator, strict] = useWatch({ control, name: ['quorumNumerator', 'quorumDenominator', 'quorumStrict'] });
  const valid =
    Number.isInteger(numerator) && Number.isInteger(denominator) && numerator >= 1 && denominator >= 1 && denominator <= 100 && numerator <= denominator;
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
