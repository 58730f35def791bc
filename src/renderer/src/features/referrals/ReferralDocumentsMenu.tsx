import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../app/data';
import { useLanguage } from '../../components/code-words';
import { asAppError, describeError } from '../../components/describe-error';
import { ExportNotice } from '../../components/ExportNotice';
import { saveFile } from '../../components/save-file';
import { referralErrorSentence } from './referral-errors';

const DOCUMENTS = ['letter', 'acknowledgement'] as const;

/**
 * «Документи»: the letter (what the consent allows, nothing more) and the acknowledgement form the recipient sends
 * back, as DOCX or PDF. Each is made from the saved referral and audited; a saved file leaves the encrypted store.
 */
export function ReferralDocumentsMenu({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const make = useChannelMutation('referrals:document', { invalidates: 'nothing' });
  const noticeId = useId();

  const produce = async (document: (typeof DOCUMENTS)[number], format: 'docx' | 'pdf') => {
    try {
      const file = await make.mutateAsync({ id: referralId, document, format });
      saveFile(file);
      notifications.show({ color: 'green', message: t('cases.documents.saved', { name: file.fileName }) });
    } catch (caught) {
      const error = asAppError(caught);
      notifications.show({ color: 'red', title: t('cases.documents.failed'), message: referralErrorSentence(t, language, error) ?? describeError(t, error) });
    }
  };

  return (
    <Menu position="bottom-end" width={360} withinPortal>
      <Menu.Target>
        <Button variant="default" loading={make.isPending}>
          {t('referrals.documents.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-describedby={noticeId}>
        <ExportNotice inMenu id={noticeId} m={4} mb={6} />
        {DOCUMENTS.map((document, i) => (
          <Fragment key={document}>
            {i > 0 ? <Menu.Divider /> : null}
            <Menu.Label>{t(`referrals.documents.kinds.${document}`)}</Menu.Label>
            {(['docx', 'pdf'] as const).map((format) => (
              <Menu.Item key={format} onClick={() => void produce(document, format)} aria-label={t(`cases.documents.${format}`, { name: t(`referrals.documents.kinds.${document}`) })}>
                {t(`cases.documents.formats.${format}`)}
              </Menu.Item>
            ))}
          </Fragment>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
