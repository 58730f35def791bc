import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../app/data';
import { asAppError, describeError } from '../../components/describe-error';
import { ExportNotice } from '../../components/ExportNotice';
import { saveFile } from '../../components/save-file';
import { trainingErrorSentence } from './training-errors';

const DOCUMENTS = ['certificates', 'participants', 'attendance'] as const;
type TrainingDocument = (typeof DOCUMENTS)[number] | 'certificate';

/** Makes one of the training's documents and hands it over as a download, saying what happened either way. */
export function useTrainingDocument(trainingId: string) {
  const { t } = useTranslation();
  const make = useChannelMutation('trainings:document', {
    invalidates: 'nothing',
  });
  const produce = async (document: TrainingDocument, format: 'docx' | 'pdf', participantId?: string) => {
    try {
      const file = await make.mutateAsync({
        trainingId,
        document,
        format,
        ...(participantId ? { participantId } : {}),
      });
      saveFile(file);
      notifications.show({
        color: 'green',
        message: t('cases.documents.saved', { name: file.fileName }),
      });
    } catch (caught) {
      const error = asAppError(caught);
      notifications.show({
        color: 'red',
        title: t('cases.documents.failed'),
        message: trainingErrorSentence(t, error) ?? describeError(t, error),
      });
    }
  };
  return { produce, pending: make.isPending };
}

/**
 * «Документи»: every certificate of the training in one file (a page each), the participants list, and the
 * attendance sheet people sign on the day, as DOCX or PDF.
 */
export function TrainingDocumentsMenu({ trainingId, certificates }: { trainingId: string; certificates: number }) {
  const { t } = useTranslation();
  const { produce, pending } = useTrainingDocument(trainingId);
  const noticeId = useId();
  return (
    <Menu position="bottom-end" width={360} withinPortal>
      <Menu.Target>
        <Button variant="default" loading={pending}>
          {t('trainings.documents.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-describedby={noticeId}>
        <ExportNotice inMenu id={noticeId} m={4} mb={6} />
        {DOCUMENTS.filter((d) => d !== 'certificates' || certificates > 0).map((document, i) => (
          <Fragment key={document}>
            {i > 0 ? <Menu.Divider /> : null}
            <Menu.Label>{t(`trainings.documents.kinds.${document}`)}</Menu.Label>
            {(['docx', 'pdf'] as const).map((format) => (
              <Menu.Item
                key={format}
                onClick={() => void produce(document, format)}
                aria-label={t(`cases.documents.${format}`, {
                  name: t(`trainings.documents.kinds.${document}`),
                })}
              >
                {t(`cases.documents.formats.${format}`)}
              </Menu.Item>
            ))}
          </Fragment>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
