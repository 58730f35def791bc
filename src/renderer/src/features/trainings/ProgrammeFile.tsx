import { Button, FileButton, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_MAX_BYTES, type Training } from '../../../../shared/domain/trainings';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { useChannelMutation } from '../../app/data';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { saveFile } from '../../components/save-file';
import { base64Of } from './file-bytes';

/** The programme as the organisers sent it (PDF, DOCX, ODT): attached to the training, downloaded from it. */
export function ProgrammeFile({ training, canWrite }: { training: Training; canWrite: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const attach = useChannelMutation('trainings:attachProgramme');
  const detach = useChannelMutation('trainings:removeProgramme');
  const [error, setError] = useState<AppError | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const choose = async (file: File | null) => {
    setError(null);
    setTooLarge(false);
    if (!file) return;
    if (file.size > PROGRAMME_MAX_BYTES) {
      setTooLarge(true);
      return;
    }
    try {
      await attach.mutateAsync({
        trainingId: training.id,
        fileName: file.name,
        base64: await base64Of(file),
      });
    } catch (caught) {
      setError(asAppError(caught));
    }
  };
  const download = async () => {
    setError(null);
    try {
      saveFile(await api.call('trainings:programmeFile', { id: training.id }));
    } catch (caught) {
      setError(asAppError(caught));
    }
  };
  return (
    <>
      <Group gap="sm">
        {training.programmeFile ? (
          <>
            <Button variant="light" size="xs" onClick={() => void download()}>
              {t('trainings.programme.download', {
                name: training.programmeFile.fileName,
              })}
            </Button>
            {canWrite ? (
              <Button variant="subtle" color="red" size="xs" onClick={() => void detach.mutateAsync({ id: training.id }).catch((e: unknown) => setError(asAppError(e)))}>
                {t('trainings.programme.remove')}
              </Button>
            ) : null}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('trainings.programme.none')}
          </Text>
        )}
        {canWrite ? (
          <FileButton onChange={(f) => void choose(f)} accept=".pdf,.doc,.docx,.odt,.rtf,.txt">
            {(props) => (
              <Button {...props} variant="default" size="xs" loading={attach.isPending}>
                {training.programmeFile ? t('trainings.programme.replace') : t('trainings.programme.attach')}
              </Button>
            )}
          </FileButton>
        ) : null}
      </Group>
      {tooLarge ? (
        <Text size="sm" c="red" role="alert">
          {t('trainings.programme.tooLarge')}
        </Text>
      ) : null}
      <ErrorAlert error={error} />
    </>
  );
}
