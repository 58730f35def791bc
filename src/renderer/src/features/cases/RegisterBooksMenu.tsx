import { Button, Group, Menu, NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../app/data';
import { asAppError, describeError } from '../../components/describe-error';
import { ExportNotice } from '../../components/ExportNotice';
import { saveFile } from '../../components/save-file';

const BOOKS = ['applications', 'certificates'] as const;
const FORMATS = ['xlsx', 'docx', 'pdf'] as const;

/**
 * «Журнали»: the application register and the certificate register of a year, as the office keeps them (XLSX to sort
 * and filter, DOCX or PDF to print and sign). They hold names, so the menu says first that a saved file leaves the
 * encrypted store; each is audited in the main process.
 */
export function RegisterBooksMenu() {
  const { t } = useTranslation();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const make = useChannelMutation('cases:registerBook', { invalidates: 'nothing' });
  const noticeId = useId();

  const produce = async (book: (typeof BOOKS)[number], format: (typeof FORMATS)[number]) => {
    try {
      const file = await make.mutateAsync({ book, year, format });
      saveFile(file);
      notifications.show({ color: 'green', message: t('cases.registers.saved', { name: file.fileName }) });
    } catch (caught) {
      notifications.show({ color: 'red', title: t('cases.documents.failed'), message: describeError(t, asAppError(caught)) });
    }
  };

  return (
    <Menu position="bottom-end" width={340} withinPortal closeOnItemClick>
      <Menu.Target>
        <Button variant="default" loading={make.isPending}>
          {t('cases.registers.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-describedby={noticeId}>
        <ExportNotice inMenu id={noticeId} m={4} mb={6} />
        <Group px={8} pb={6}>
          <NumberInput
            label={t('cases.registers.year')}
            value={year}
            min={2012}
            max={2100}
            allowDecimal={false}
            onChange={(v) => typeof v === 'number' && setYear(v)}
            w={120}
          />
        </Group>
        {BOOKS.map((book, i) => (
          <Fragment key={book}>
            {i > 0 ? <Menu.Divider /> : null}
            <Menu.Label>{t(`cases.registers.${book}`)}</Menu.Label>
            {FORMATS.map((format) => (
              <Menu.Item key={format} onClick={() => void produce(book, format)} aria-label={`${t(`cases.registers.${book}`)} — ${format.toUpperCase()}`}>
                {format.toUpperCase()}
              </Menu.Item>
            ))}
          </Fragment>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
