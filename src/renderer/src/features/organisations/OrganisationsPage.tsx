import { Badge, Button, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createColumnHelper, type Row } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/domain/organisations';
import { SERVICE_WORDS, SERVICES, type Service } from '../../../../shared/domain/referral-codes';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { NO_SHRINK } from '../../components/badge-styles';
import { useLanguage, wordsIn } from '../../components/code-words';
import { LoadStatus } from '../../components/LoadStatus';
import { useTerritories } from '../../components/PlaceName';
import { ListTable } from '../../components/ListTable';
import { ActiveBadge } from './ActiveBadge';
import { OrganisationDetailsModal } from './OrganisationDetailsModal';
import { OrganisationFormModal } from './OrganisationFormModal';

const column = createColumnHelper<Organisation>();

/** Ukrainian alphabetical order (І, Ї, Є, Ґ in their places), whatever the column holds. */
function byText(a: Row<Organisation>, b: Row<Organisation>, id: string): number {
  return String(a.getValue(id) ?? '').localeCompare(String(b.getValue(id) ?? ''), 'uk');
}

/** Subjects of the national referral mechanism and partners: the list, and a form for those who may change it. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const canWrite = can(session, 'meetings.write');
  const [includeInactive, setIncludeInactive] = useState(false);
  const query = useChannelQuery('organisations:list', { includeInactive });
  const language = useLanguage();
  // The whole directory is on screen already: the referral filters narrow it here, as the search box does.
  const [service, setService] = useState<Service | null>(null);
  const [nrmOnly, setNrmOnly] = useState(false);
  const organisations = query.data;
  const shown = useMemo(
    () => organisations?.filter((o) => (!nrmOnly || o.nrmSubject) && (!service || o.services.includes(service))),
    [organisations, nrmOnly, service],
  );
  /** The organisation in the form: null for a new one; undefined while the form is closed. */
  const [editing, setEditing] = useState<Organisation | null | undefined>(undefined);
  const [viewing, setViewing] = useState<Organisation | null>(null);
  const { route } = useNavigation();
  /** The record this page was opened on from elsewhere (the audit log), once it has been shown. */
  const [routeShown, setRouteShown] = useState(false);
  useEffect(() => {
    // The previous list stays on screen while the wider one loads: only the list asked for can say "not there".
    if (!route.id || routeShown || !organisations || query.isPlaceholderData) return;
    const found = organisations.find((o) => o.id === route.id);
    // An inactive organisation is not in the list by default: the list widens once to find it.
    if (!found && !includeInactive) return setIncludeInactive(true);
    setRouteShown(true);
    if (found && canWrite) setEditing(found);
    else if (found) setViewing(found);
  }, [route.id, routeShown, organisations, query.isPlaceholderData, includeInactive, canWrite]);

  // A code a newer codifier edition dropped is marked where the list shows it.
  const places = useTerritories(useMemo(() => (query.data ?? []).map((o) => o.katottg), [query.data]));
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('organisations.columns.name'),
        sortingFn: byText,
        meta: { searchText: (o: Organisation) => `${o.name} ${o.shortName}` },
        cell: (c) => (
          <div>
            <Text size="sm" fw={500}>
              {c.getValue()}
            </Text>
            {c.row.original.shortName ? (
              <Text size="xs" c="dimmed">
                {c.row.original.shortName}
              </Text>
            ) : null}
          </div>
        ),
      }),
      column.accessor((o) => t(`organisations.types.${o.type}`), {
        id: 'type',
        header: t('organisations.columns.type'),
        sortingFn: byText,
      }),
      column.accessor('territoryName', {
        header: t('organisations.columns.territory'),
        sortingFn: byText,
        meta: { searchText: (o: Organisation) => `${o.territoryName} ${o.katottg}` },
        cell: (c) => {
          const { territoryName, katottg } = c.row.original;
          if (!territoryName && !katottg)
            return (
              <Text size="sm" c="dimmed">
                {t('organisations.noTerritory')}
              </Text>
            );
          return (
            <div>
              {territoryName ? <Text size="sm">{territoryName}</Text> : null}
              {katottg ? (
                <Text size="xs" ff="monospace" c="dimmed">
                  {katottg}
                </Text>
              ) : null}
              {places.get(katottg)?.droppedIn ? (
                <Badge color="orange" variant="light" size="xs" tt="none" title={t('territories.picker.dropped', { edition: places.get(katottg)?.droppedIn })}>
                  {t('territories.droppedMark')}
                </Badge>
              ) : null}
            </div>
          );
        },
      }),
      column.accessor('contactPerson', {
        header: t('organisations.columns.contacts'),
        sortingFn: byText,
        meta: { searchText: (o: Organisation) => `${o.contactPerson} ${o.phone} ${o.email}` },
        cell: (c) => {
          const { contactPerson, phone, email } = c.row.original;
          if (!contactPerson && !phone && !email) return <Text c="dimmed">{t('common.none')}</Text>;
          return (
            <div>
              {contactPerson ? <Text size="sm">{contactPerson}</Text> : null}
              {phone || email ? (
                <Text size="xs" c="dimmed">
                  {[phone, email].filter(Boolean).join(' · ')}
                </Text>
              ) : null}
            </div>
          );
        },
      }),
      column.accessor((o) => o.services.map((s) => wordsIn(SERVICE_WORDS[s], language)).join(', '), {
        id: 'services',
        header: t('organisations.columns.services'),
        enableSorting: false,
        meta: { searchText: (o: Organisation) => `${o.nrmSubject ? t('organisations.nrm') : ''} ${o.services.map((s) => wordsIn(SERVICE_WORDS[s], language)).join(' ')}` },
        cell: (c) => (
          <div>
            {c.row.original.nrmSubject ? (
              <Badge color="blue" variant="light" tt="none" size="sm" styles={NO_SHRINK}>
                {t('organisations.nrm')}
              </Badge>
            ) : null}
            <Text size="xs" c={c.getValue() ? undefined : 'dimmed'} maw={320}>
              {c.getValue() || t('organisations.noServices')}
            </Text>
          </div>
        ),
      }),
      column.accessor('active', {
        header: t('organisations.columns.active'),
        meta: { searchText: (o: Organisation) => (o.active ? t('organisations.active') : t('organisations.inactive')) },
        cell: (c) => <ActiveBadge active={c.getValue()} />,
      }),
    ],
    [t, language, places],
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={1} size="h2">{t('organisations.title')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('organisations.intro')}
          </Text>
        </div>
        {canWrite ? <Button onClick={() => setEditing(null)}>{t('organisations.add')}</Button> : null}
      </Group>
      <LoadStatus query={query} />
      {shown ? (
        <ListTable
          data={shown}
          columns={columns}
          rowKey={(o) => o.id}
          label={t('organisations.title')}
          empty={canWrite ? t('organisations.empty') : t('organisations.emptyReadOnly')}
          initialSort={[{ id: 'name', desc: false }]}
          height="calc(100vh - 250px)"
          onOpen={(o) => (canWrite ? setEditing(o) : setViewing(o))}
          toolbar={
            <>
              <Select
                aria-label={t('organisations.filters.service')}
                placeholder={t('organisations.filters.anyService')}
                data={SERVICES.map((value) => ({ value, label: wordsIn(SERVICE_WORDS[value], language) }))}
                value={service}
                onChange={(value) => setService(value as Service | null)}
                comboboxProps={{ withinPortal: true }}
                clearable
                searchable
                w={240}
              />
              <Switch label={t('organisations.filters.nrmOnly')} checked={nrmOnly} onChange={(event) => setNrmOnly(event.currentTarget.checked)} />
              <Switch
                label={t('organisations.showInactive')}
                checked={includeInactive}
                onChange={(event) => setIncludeInactive(event.currentTarget.checked)}
              />
            </>
          }
        />
      ) : null}
      {canWrite ? (
        <OrganisationFormModal
          opened={editing !== undefined}
          organisation={editing ?? null}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            notifications.show({ color: 'green', message: t('organisations.saved', { name: saved.shortName || saved.name }) });
          }}
        />
      ) : (
        <OrganisationDetailsModal organisation={viewing} onClose={() => setViewing(null)} />
      )}
    </Stack>
  );
}
