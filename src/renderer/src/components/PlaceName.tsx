import { Badge, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Territory } from '../../../shared/domain/territories';
import { useChannelQuery } from '../app/data';
import { territoryName, territoryPath } from './territory-words';

/**
 * The units of the codes a list or a card shows, asked in one call for the whole page (dropped ones included: a
 * record keeps the code it was saved with).
 */
export function useTerritories(codes: readonly string[]): Map<string, Territory> {
  const wanted = useMemo(() => [...new Set(codes.filter((c) => c !== ''))].sort(), [codes]);
  const found = useChannelQuery('territories:get', { codes: wanted.slice(0, 500) }, { enabled: wanted.length > 0 });
  return useMemo(() => new Map((found.data ?? []).map((u) => [u.code, u])), [found.data]);
}

/**
 * A stored КАТОТТГ code as a place: its name and the hromada it lies in («с. Андріївка, Андріївська громада»), the
 * whole path on hover, and a mark when a newer edition of the codifier no longer lists it.
 */
export function PlaceName({ code, unit, full = false }: { code: string; unit: Territory | undefined; full?: boolean }) {
  const { t } = useTranslation();
  if (!code)
    return (
      <Text size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    );
  if (!unit) {
    return (
      <Text size="sm" ff="monospace">
        {code}
      </Text>
    );
  }
  const near = [unit, ...unit.within.filter((u) => u.category === 'H' || u.category === 'P')].slice(0, 2);
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" title={territoryPath(t, unit)}>
        {full ? territoryPath(t, unit) : near.map((u) => territoryName(t, u)).join(', ')}
      </Text>
      {unit.droppedIn ? (
        <Badge color="orange" variant="light" size="xs" tt="none" title={t('territories.picker.dropped', { edition: unit.droppedIn })}>
          {t('territories.droppedMark')}
        </Badge>
      ) : null}
    </Group>
  );
}
