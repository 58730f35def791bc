import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/domain/users';
import { parseUkDate } from '../../components/format';
import { actionLabel } from './audit-labels';

export interface AuditQuery {
  from?: string;
  to?: string;
  action?: string;
  actorId?: string;
}

export function AuditFilters({
  actions,
  users,
  onApply,
}: {
  actions: string[];
  users: UserSummary[] | null;
  onApply(query: AuditQuery): void;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [action, setAction] = useState<string | null>(null);
  const [actorId, setActorId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fromIso = from.trim() ? parseUkDate(from) : undefined;
    const toIso = to.trim() ? parseUkDate(to) : undefined;
    const next: { from?: string; to?: string } = {};
    if (fromIso === null) next.from = t('validation.date');
    if (toIso === null) next.to = t('validation.date');
    if (fromIso && toIso && fromIso > toIso) next.to = t('validation.dateOrder');
    setErrors(next);
    if (next.from || next.to) return;
    onApply({
      ...(fromIso ? { from: fromIso } : {}),
      ...(toIso ? { to: toIso } : {}),
      ...(action ? { action } : {}),
      ...(actorId ? { actorId } : {}),
    });
  };

  const reset = () => {
    setFrom('');
    setTo('');
    setAction(null);
    setActorId(null);
    setErrors({});
    onApply({});
  };

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('audit.from')}
          placeholder={t('audit.datePlaceholder')}
          w={130}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={errors.from}
        />
        <TextInput
          label={t('audit.to')}
          placeholder={t('audit.datePlaceholder')}
          w={130}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={errors.to}
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.all')}
          w={240}
          clearable
          searchable
          value={action}
          onChange={setAction}
          data={actions.map((code) => ({ value: code, label: actionLabel(t, code) }))}
        />
        {users ? (
          <Select
            label={t('audit.user')}
            placeholder={t('audit.all')}
            w={210}
            clearable
            searchable
            value={actorId}
            onChange={setActorId}
            data={users.map((u) => ({ value: u.id, label: `${u.login} — ${u.displayName}` }))}
          />
        ) : null}
        <Group gap="xs" mt={25}>
          <Button type="submit">{t('audit.apply')}</Button>
          <Button variant="subtle" onClick={reset}>
            {t('audit.reset')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
