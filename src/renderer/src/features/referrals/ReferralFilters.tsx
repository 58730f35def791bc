import { Button, Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_STATES, REFERRAL_STATE_WORDS, SERVICES, SERVICE_WORDS, type ReferralState, type Service } from '../../../../shared/domain/referral-codes';
import { useChannelQuery } from '../../app/data';
import { useLanguage, wordsIn } from '../../components/code-words';
import { organisationOptions } from '../../components/organisation-options';
import { isFiltered, NO_FILTERS, type ReferralListFilters } from './referral-filters';

/** States (several), overdue only, the recipient, the service, and a code or number typed in part. */
export function ReferralFilters({ filters, onChange }: { filters: ReferralListFilters; onChange(next: ReferralListFilters): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const organisations = useChannelQuery('organisations:options', {});
  const [query, setQuery] = useState(filters.query);
  const sendQuery = useDebouncedCallback((text: string) => onChange({ ...filters, query: text }), 300);
  const set = (patch: Partial<ReferralListFilters>) => onChange({ ...filters, ...patch });

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('referrals.list.filters.label')}>
      <TextInput
        label={t('referrals.list.filters.query')}
        placeholder={t('referrals.list.filters.queryPlaceholder')}
        value={query}
        maxLength={40}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          sendQuery(event.currentTarget.value);
        }}
        w={300}
      />
      <MultiSelect
        label={t('referrals.list.filters.states')}
        placeholder={filters.states?.length ? undefined : t('referrals.list.filters.anyState')}
        data={REFERRAL_STATES.map((value) => ({ value, label: wordsIn(REFERRAL_STATE_WORDS[value], language) }))}
        value={filters.states ?? []}
        onChange={(values) => set({ states: values as ReferralState[] })}
        comboboxProps={{ withinPortal: true }}
        clearable
        w={280}
      />
      <Select
        label={t('referrals.list.filters.organisation')}
        placeholder={t('referrals.list.filters.anyOrganisation')}
        data={organisationOptions((organisations.data ?? []).filter((o) => o.nrmSubject || o.id === filters.organisationId))}
        value={filters.organisationId ?? null}
        onChange={(value) => set({ organisationId: value ?? undefined })}
        comboboxProps={{ withinPortal: true }}
        searchable
        clearable
        w={300}
      />
      <Select
        label={t('referrals.list.filters.service')}
        placeholder={t('referrals.list.filters.anyService')}
        data={SERVICES.map((value) => ({ value, label: wordsIn(SERVICE_WORDS[value], language) }))}
        value={filters.service ?? null}
        onChange={(value) => set({ service: (value as Service | null) ?? undefined })}
        comboboxProps={{ withinPortal: true }}
        clearable
        w={280}
      />
      <Switch label={t('referrals.list.filters.overdue')} checked={filters.overdue} onChange={(event) => set({ overdue: event.currentTarget.checked })} mb={8} />
      {isFiltered(filters) ? (
        <Button
          variant="subtle"
          onClick={() => {
            setQuery('');
            onChange(NO_FILTERS);
          }}
        >
          {t('referrals.list.filters.reset')}
        </Button>
      ) : null}
    </Group>
  );
}
