import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_DOCUMENTS, type CaseDocument } from '../../../../shared/contract/cases';
import { useChannelMutation } from '../../app/data';
import { asAppError, describeError } from '../../components/describe-error';
import { ExportNotice } from '../../components/ExportNotice';
import { saveFile } from '../../components/save-file';
import { caseSentence } from './case-errors';

/**
 * «Документи»: the forms of order No. 366 and the letters of one case, as DOCX or PDF, named by the case code. Each
 * is made from the saved case and audited; a saved file leaves the encrypted store, which the menu says first.
 */
export function CaseDocumentsMenu({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  // Making a document changes no record (it is audited): nothing on screen goes stale.
  const make = useChannelMutation('cases:document', { invalidates: 'nothing' });
  const noticeId = useId();

  const produce = async (document: CaseDocument, format: 'docx' | 'pdf') => {
    try {
      const file = await make.mutateAsync({ caseId, document, format });
      saveFile(file);
      notifications.show({ color: 'green', message: t('cases.documents.saved', { name: file.fileName }) });
    } catch (caught) {
      const error = asAppError(caught);
      notifications.show({ color: 'red', title: t('cases.documents.failed'), message: caseSentence(t, error) ?? describeError(t, error) });
    }
  };

  return (
    <Menu position="bottom-end" width={380} withinPortal>
      <Menu.Target>
        <Button variant="default" loading={make.isPending}>
          {t('cases.documents.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-describedby={noticeId} mah="70vh" style={{ overflowY: 'auto' }}>
        <ExportNotice inMenu id={noticeId} m={4} mb={6} />
        {CASE_DOCUMENTS.map((document, i) => (
          <Fragment key={document}>
            {i > 0 ? <Menu.Divider /> : null}
            <Menu.Label>{t(`cases.documents.kinds.${document}`)}</Menu.Label>
            {(['docx', 'pdf'] as const).map((format) => (
              // The label above names the document for the eye; each item names it whole for a screen reader.
              <Menu.Item key={format} onClick={() => void produce(document, format)} aria-label={t(`cases.documents.${format}`, { name: t(`cases.documents.kinds.${document}`) })}>
                {t(`cases.documents.formats.${format}`)}
              </Menu.Item>
            ))}
          </Fragment>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
