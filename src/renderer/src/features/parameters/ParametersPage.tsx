import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../app/data';
import { can, useSession } from '../../app/session-context';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { DaysOffSection } from './DaysOffSection';
import { DecidingBodiesSection } from './DecidingBodiesSection';
import { MinimumsSection } from './MinimumsSection';
import { OptionsSection } from './OptionsSection';
import { TermsSection } from './TermsSection';

type Tab = 'terms' | 'daysOff' | 'minimums' | 'bodies' | 'options';
const TABS: Tab[] = ['terms', 'daysOff', 'minimums', 'bodies', 'options'];

/**
 * The legal parameters the status procedure counts by: terms, days off, subsistence minimums, deciding bodies and
 * the office's options. An administrator changes them, always from today on; case officers see what counts.
 */
export function ParametersPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const canWrite = can(session, 'settings.write');
  const query = useChannelQuery('parameters:get', {});
  const [tab, setTab] = useState<Tab>('terms');
  const parameters = query.data;

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('parameters.title')}
      </Title>
      <Alert color={canWrite ? 'blue' : 'gray'} variant="light" role="note" py="xs">
        <Text size="sm">{canWrite ? t('parameters.intro', { date: formatDate(parameters?.today) }) : t('parameters.readOnly')}</Text>
      </Alert>
      <LoadStatus query={query} />
      {parameters ? (
        <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)}>
          <Tabs.List>
            {TABS.map((id) => (
              <Tabs.Tab key={id} value={id}>
                {t(`parameters.tabs.${id}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="terms" pt="md">
            <TermsSection parameters={parameters} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="daysOff" pt="md">
            <DaysOffSection parameters={parameters} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="minimums" pt="md">
            <MinimumsSection parameters={parameters} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="bodies" pt="md">
            <DecidingBodiesSection parameters={parameters} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="options" pt="md">
            <OptionsSection parameters={parameters} canWrite={canWrite} />
          </Tabs.Panel>
        </Tabs>
      ) : null}
    </Stack>
  );
}
