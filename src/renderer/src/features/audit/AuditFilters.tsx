import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuditFilterSchema, type AuditFilter } from '../../../../shared/domain/audit';
import type { UserSummary } from '../../../../shared/domain/users';
import { useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { SelectField } from '../../components/fields';
import { actionLabel } from './audit-labels';

export type AuditQuery = Pick<AuditFilter, 'from' | 'to' | 'action' | 'actorId'>;

const schema = AuditFilterSchema.pick({ from: true, to: true, action: true, actorId: true }).refine((f) => !f.from || !f.to || f.from <= f.to, {
  path: ['to'],
  message: 'dateOrder',
});

const EMPTY: AuditQuery = {};

export function AuditFilters({ actions, users, onApply }: { actions: string[]; users: UserSummary[] | undefined; onApply(query: AuditQuery): void }) {
  const { t } = useTranslation();
  const form = useContractForm(schema, { defaultValues: EMPTY, feature: 'audit', blankIsAbsent: true });

  return (
    <form onSubmit={form.handleSubmit(onApply)} noValidate>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <DateField control={form.control} name="from" label={t('audit.from')} w={150} nullable />
        <DateField control={form.control} name="to" label={t('audit.to')} w={150} nullable />
        <SelectField
          control={form.control}
          name="action"
          label={t('audit.action')}
          placeholder={t('audit.all')}
          w={240}
          clearable
          searchable
          data={actions.map((code) => ({ value: code, label: actionLabel(t, code) }))}
        />
        {users ? (
          <SelectField
            control={form.control}
            name="actorId"
            label={t('audit.user')}
            placeholder={t('audit.all')}
            w={210}
            clearable
            searchable
            data={users.map((u) => ({ value: u.id, label: `${u.login} — ${u.displayName}` }))}
          />
        ) : null}
        <Group gap="xs" mt={25}>
          <Button type="submit">{t('audit.apply')}</Button>
          <Button
            variant="subtle"
            onClick={() => {
              form.reset(EMPTY);
              onApply(EMPTY);
            }}
          >
            {t('audit.reset')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
