import { Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { newReferralRoute } from './referral-route';

const SHOWN = 8;

/**
 * «Нове направлення»: the person is found by code (a name is never typed here), then the form opens for them.
 * The person's file (`persons`) offers the same through its own button.
 */
export function NewReferralModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const [query, setQuery] = useState('');
  const [typed] = useDebouncedValue(query.trim(), 300);
  const found = useChannelQuery('persons:list', { query: typed, withoutCase: false, offset: 0, limit: SHOWN }, { enabled: opened && typed.length >= 2 });

  return (
    <Modal opened={opened} onClose={onClose} title={t('referrals.newModal.title')}>
      <Stack gap="sm">
        <TextInput
          label={t('referrals.newModal.code')}
          description={t('referrals.newModal.codeHint')}
          value={query}
          maxLength={40}
          onChange={(event) => setQuery(event.currentTarget.value)}
          data-autofocus
        />
        {typed.length >= 2 ? <LoadStatus query={found} /> : null}
        {typed.length >= 2 && found.data ? (
          found.data.rows.length ? (
            <Stack component="ul" gap={4} aria-label={t('referrals.newModal.found')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {found.data.rows.map((row) => (
                <li key={row.id}>
                <Button
                  variant="default"
                  justify="space-between"
                  fullWidth
                  onClick={() => {
                    onClose();
                    open('referrals', newReferralRoute(row.id));
                  }}
                  rightSection={row.identifiedOn ? <Text size="xs" c="dimmed">{formatDate(row.identifiedOn)}</Text> : null}
                >
                  <Text ff="monospace" fw={600} size="sm">
                    {row.code}
                  </Text>
                </Button>
                </li>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('referrals.newModal.none')}
            </Text>
          )
        ) : null}
      </Stack>
    </Modal>
  );
}
