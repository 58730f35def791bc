import { Anchor, Button, Card, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { personRoute } from './case-route';

const MIN_LETTERS = 2;

export function fullName(person: { surname: string; givenName: string; patronymic: string }): string {
  return [person.surname, person.givenName, person.patronymic].filter(Boolean).join(' ');
}

/**
 * «Пошук за прізвищем», apart from the list: every person shown is a read of personal data the audit log records,
 * so it asks only when the case officer submits (not as they type), and never leaves the name anywhere but here.
 */
export function NameSearch() {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [tooShort, setTooShort] = useState(false);
  const titleId = useId();
  const hits = useChannelQuery('cases:search', { name: asked ?? '' }, { enabled: asked !== null });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = typed.trim();
    setTooShort(name.length < MIN_LETTERS);
    setAsked(name.length < MIN_LETTERS ? null : name);
  };

  return (
    <Card withBorder component="section" aria-labelledby={titleId} padding="sm">
      <Title order={2} size="h5" id={titleId} mb={4}>
        {t('cases.search.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Group gap="sm" align="flex-start">
          <TextInput
            aria-label={t('cases.search.name')}
            placeholder={t('cases.search.placeholder')}
            value={typed}
            maxLength={100}
            autoComplete="off"
            onChange={(event) => setTyped(event.currentTarget.value)}
            error={tooShort ? t('cases.search.tooShort') : undefined}
            w={320}
          />
          <Button type="submit" variant="light" loading={hits.isFetching && asked !== null}>
            {t('cases.search.submit')}
          </Button>
          {asked !== null ? (
            <Button
              variant="subtle"
              onClick={() => {
                setAsked(null);
                setTyped('');
              }}
            >
              {t('cases.search.clear')}
            </Button>
          ) : null}
        </Group>
      </form>
      {asked !== null ? <LoadStatus query={hits} /> : null}
      {asked !== null && hits.data ? (
        hits.data.length === 0 ? (
          <Text size="sm" c="dimmed" mt="xs" role="status">
            {t('cases.search.none')}
          </Text>
        ) : (
          <Table mt="xs" verticalSpacing={4} highlightOnHover aria-label={t('cases.search.results')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.search.columns.name')}</Table.Th>
                <Table.Th>{t('cases.search.columns.code')}</Table.Th>
                <Table.Th>{t('cases.search.columns.birthDate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hits.data.map((hit) => (
                <Table.Tr key={hit.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => open('cases', personRoute(hit.id))} fw={600} fz="sm">
                      {fullName(hit)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {hit.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{hit.birthDate ? formatDate(hit.birthDate) : t('common.none')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      ) : null}
    </Card>
  );
}
