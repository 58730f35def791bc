import { Button, Group, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonHit } from '../../../../shared/domain/cases';
import { useChannelQuery } from '../../app/data';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { fullName } from './NameSearch';

const MIN_LETTERS = 2;

/**
 * A person already on record (a new application after a refusal, say), found by name and chosen from the hits:
 * name, code and birth date tell two people of the same name apart. Searches only when asked (Enter or «Знайти»).
 */
export function PersonPicker({ value, onChange, error }: { value: string | null; onChange(hit: PersonHit | null): void; error?: string | undefined }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [tooShort, setTooShort] = useState(false);
  const hits = useChannelQuery('cases:search', { name: asked ?? '' }, { enabled: asked !== null });

  const search = () => {
    const name = typed.trim();
    setTooShort(name.length < MIN_LETTERS);
    if (name.length >= MIN_LETTERS) setAsked(name);
  };

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-start">
        <TextInput
          label={t('cases.register.findPerson')}
          placeholder={t('cases.search.placeholder')}
          value={typed}
          maxLength={100}
          autoComplete="off"
          data-autofocus
          onChange={(event) => setTyped(event.currentTarget.value)}
          onKeyDown={(event) => {
            // The search box sits inside the registration form: Enter searches rather than registering.
            if (event.key === 'Enter') {
              event.preventDefault();
              search();
            }
          }}
          error={tooShort ? t('cases.search.tooShort') : (error ?? undefined)}
          w={340}
        />
        <Button variant="light" mt={25} onClick={search} loading={hits.isFetching && asked !== null}>
          {t('cases.search.submit')}
        </Button>
      </Group>
      {asked !== null ? <LoadStatus query={hits} /> : null}
      {asked !== null && hits.data ? (
        hits.data.length === 0 ? (
          <Text size="sm" c="dimmed" role="status">
            {t('cases.search.none')}
          </Text>
        ) : (
          <Paper withBorder p="xs">
            <Radio.Group
              value={value}
              onChange={(id) => onChange(hits.data.find((hit) => hit.id === id) ?? null)}
              label={t('cases.register.choosePerson')}
            >
              <Stack gap={6} mt={6}>
                {hits.data.map((hit) => (
                  <Radio
                    key={hit.id}
                    value={hit.id}
                    label={t('cases.register.personOption', {
                      name: fullName(hit),
                      code: hit.code,
                      birth: hit.birthDate ? formatDate(hit.birthDate) : t('cases.register.noBirthDate'),
                    })}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </Paper>
        )
      ) : null}
    </Stack>
  );
}
