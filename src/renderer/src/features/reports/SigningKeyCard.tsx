import { Button, Code, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { asAppError, describeError } from '../../components/describe-error';
import { formatKyivDateTime } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { saveFile } from '../../components/save-file';

/** The oblast's signing key as people compare it: its id and fingerprint; made, replaced and handed out here. */
export function SigningKeyCard({ canSign }: { canSign: boolean }) {
  const { t } = useTranslation();
  const keys = useChannelQuery('reports:keys', {});
  const create = useChannelMutation('reports:createKey');
  const rotate = useChannelMutation('reports:rotateKey');
  const publicKey = useChannelMutation('reports:publicKeyFile', { invalidates: 'nothing' });
  const fail = (caught: unknown) => notifications.show({ color: 'red', message: describeError(t, asAppError(caught)) });
  const current = keys.data?.current ?? null;
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('reports.key.title')}
        </Title>
        <LoadStatus query={keys} />
        {keys.data && !current ? <Text size="sm">{t('reports.key.none')}</Text> : null}
        {current ? (
          <Stack gap={4}>
            <Text size="sm">
              {t('reports.key.fingerprint')}: <Code data-fingerprint>{current.fingerprint}</Code>
            </Text>
            <Text size="sm">
              {t('reports.key.id')}: <Code>{current.keyId}</Code>
            </Text>
            <Text size="xs" c="dimmed">
              {t('reports.key.since', { at: formatKyivDateTime(current.createdAt) })}
              {keys.data!.previous.length ? ` · ${t('reports.key.previous', { count: keys.data!.previous.length })}` : ''}
            </Text>
          </Stack>
        ) : null}
        <Group gap="xs">
          {current ? (
            <Button variant="default" size="xs" loading={publicKey.isPending} onClick={() => publicKey.mutateAsync({}).then(saveFile, fail)}>
              {t('reports.key.download')}
            </Button>
          ) : null}
          {canSign && keys.data && !current ? (
            <Button size="xs" loading={create.isPending} onClick={() => create.mutateAsync({}).catch(fail)}>
              {t('reports.key.create')}
            </Button>
          ) : null}
          {canSign && current ? (
            <Button
              size="xs"
              variant="subtle"
              color="orange"
              loading={rotate.isPending}
              onClick={() => setConfirming(true)}
            >
              {t('reports.key.rotate')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('reports.key.rotate')}>
        <Stack>
          <Text size="sm">{t('reports.key.rotateConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              onClick={() => {
                setConfirming(false);
                rotate.mutateAsync({}).catch(fail);
              }}
            >
              {t('reports.key.rotate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
