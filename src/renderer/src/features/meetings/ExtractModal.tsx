import { Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationOption } from '../../../../shared/domain/organisations';
import { ExportNotice } from '../../components/ExportNotice';
import { useMeetingEditor } from './editor-context';

type Format = 'docx' | 'html' | 'pdf';
type Scope = { item: number } | { organisationId: string };

/**
 * An extract from the minutes: of one agenda item (by its number), or for one executor (the organisations this
 * meeting's assignments name, as lead or co-executor), as DOCX or for print/PDF.
 */
export function ExtractModal({
  scope,
  organisations,
  onClose,
  onMake,
}: {
  scope: 'item' | 'organisation' | null;
  organisations: OrganisationOption[];
  onClose(): void;
  onMake(format: Format, scope: Scope): Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={scope !== null}
      onClose={onClose}
      title={scope === 'organisation' ? t('meetings.documents.organisationTitle') : t('meetings.documents.itemTitle')}
      size="lg"
    >
      {scope ? <ExtractForm key={scope} scope={scope} organisations={organisations} onCancel={onClose} onMake={onMake} /> : null}
    </Modal>
  );
}

function ExtractForm({
  scope,
  organisations,
  onCancel,
  onMake,
}: {
  scope: 'item' | 'organisation';
  organisations: OrganisationOption[];
  onCancel(): void;
  onMake(format: Format, scope: Scope): Promise<void>;
}) {
  const { t } = useTranslation();
  const { meeting, assignmentsByDecision } = useMeetingEditor();
  const [choice, setChoice] = useState<string | null>(null);
  const [format, setFormat] = useState<Format>('docx');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const options = useMemo(() => {
    if (scope === 'item') {
      return meeting.agenda.map((item) => ({ value: String(item.position), label: `${item.position}. ${item.title}` }));
    }
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    const ids = new Map<string, string>();
    for (const list of assignmentsByDecision.values()) {
      for (const a of list) {
        ids.set(a.leadOrganisationId, a.leadOrganisationName);
        for (const co of a.coExecutorIds) ids.set(co, names.get(co) ?? co);
      }
    }
    return [...ids].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'uk'));
  }, [scope, meeting, organisations, assignmentsByDecision]);

  const submit = async () => {
    if (!choice) {
      setProblem(scope === 'item' ? t('meetings.documents.itemRequired') : t('meetings.documents.organisationRequired'));
      return;
    }
    setBusy(true);
    await onMake(format, scope === 'item' ? { item: Number(choice) } : { organisationId: choice });
    setBusy(false);
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{scope === 'item' ? t('meetings.documents.itemIntro') : t('meetings.documents.organisationIntro')}</Text>
      {scope === 'organisation' && options.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.documents.noExecutors')}
        </Text>
      ) : (
        <Select
          label={scope === 'item' ? t('meetings.documents.item') : t('meetings.documents.organisation')}
          placeholder={scope === 'item' ? t('meetings.documents.pickItem') : t('meetings.documents.pickOrganisation')}
          data={options}
          searchable
          required
          data-autofocus
          value={choice}
          onChange={(value) => {
            setChoice(value);
            setProblem(null);
          }}
          error={problem}
        />
      )}
      <Radio.Group label={t('meetings.documents.format')} value={format} onChange={(value) => setFormat(value === 'html' || value === 'pdf' ? value : 'docx')}>
        <Group mt={4}>
          <Radio value="docx" label={t('meetings.documents.formatDocx')} />
          <Radio value="pdf" label={t('meetings.documents.formatPdf')} />
          <Radio value="html" label={t('meetings.documents.formatPrint')} />
        </Group>
      </Radio.Group>
      <ExportNotice />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button loading={busy} disabled={scope === 'organisation' && options.length === 0} onClick={() => void submit()}>
          {t('meetings.documents.make')}
        </Button>
      </Group>
    </Stack>
  );
}
