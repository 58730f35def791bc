import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_WORDS, type Service } from '../../../../shared/domain/referral-codes';
import type { Suggestion } from '../../../../shared/domain/referrals';
import { useChannelQuery } from '../../app/data';
import { NO_SHRINK } from '../../components/badge-styles';
import { asHeading, useLanguage, wordsIn } from '../../components/code-words';
import { LoadStatus } from '../../components/LoadStatus';

/** Those that serve the person first, then the nearest: the same settlement, hromada, raion, oblast, elsewhere. */
export function bySuitability(suggestions: readonly Suggestion[]): Suggestion[] {
  return [...suggestions].sort((a, b) => Number(b.serves) - Number(a.serves) || b.nearness - a.nearness || a.name.localeCompare(b.name, 'uk'));
}

/** For each need chosen, the subjects of the mechanism that provide it, nearest to where the person was identified. */
/** `sender` is left out: an organisation does not refer to itself. */
export function RecipientSuggestions({
  personId,
  needs,
  chosen,
  sender,
  onChoose,
}: {
  personId: string;
  needs: readonly Service[];
  chosen: string;
  sender: string;
  onChoose(id: string): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={titleId} padding="sm">
      <Title order={3} size="h5" id={titleId} mb={4}>
        {t('referrals.suggest.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('referrals.suggest.hint')}
      </Text>
      <Stack gap="sm">
        {needs.map((need) => (
          <NeedSuggestions key={need} personId={personId} need={need} chosen={chosen} sender={sender} onChoose={onChoose} />
        ))}
      </Stack>
    </Card>
  );
}

function NeedSuggestions({ personId, need, chosen, sender, onChoose }: { personId: string; need: Service; chosen: string; sender: string; onChoose(id: string): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useChannelQuery('referrals:suggest', { personId, service: need });
  const suggested = query.data?.filter((s) => s.id !== sender);
  const needWords = wordsIn(SERVICE_WORDS[need], language);
  const label = t('referrals.suggest.for', { need: needWords });
  return (
    <div>
      <Text size="sm" fw={600}>
        {asHeading(needWords)}
      </Text>
      <LoadStatus query={query} />
      {suggested ? (
        suggested.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('referrals.suggest.none')}
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-label={label}>
            <Table.Tbody>
              {bySuitability(suggested).map((s) => (
                <Table.Tr key={s.id} data-serves={s.serves}>
                  <Table.Td>
                    <Text size="sm" c={s.serves ? undefined : 'dimmed'}>
                      {s.name}
                    </Text>
                    {s.territoryName ? (
                      <Text size="xs" c="dimmed">
                        {s.territoryName}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td w={200}>
                    <Text size="sm">{t(`referrals.suggest.nearness.${s.nearness}`)}</Text>
                  </Table.Td>
                  <Table.Td w={190}>
                    {s.serves ? null : (
                      <Badge color="gray" variant="outline" tt="none" size="sm" styles={NO_SHRINK}>
                        {t('referrals.suggest.notServed')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td w={110}>
                    <Group justify="flex-end">
                      <Button
                        size="xs"
                        variant={s.id === chosen ? 'filled' : 'default'}
                        aria-pressed={s.id === chosen}
                        aria-label={t('referrals.suggest.chooseNamed', { name: s.name })}
                        onClick={() => onChoose(s.id)}
                      >
                        {s.id === chosen ? t('referrals.suggest.chosen') : t('referrals.suggest.choose')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      ) : null}
    </div>
  );
}
