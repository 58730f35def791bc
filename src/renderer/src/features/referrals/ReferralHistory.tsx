import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DECLINE_REASONS, DECLINE_REASON_WORDS, OUTCOME_WORDS, REVOKE_REASONS, REVOKE_REASON_WORDS } from '../../../../shared/domain/referral-codes';
import type { ReferralHistory as HistoryRow } from '../../../../shared/domain/referrals';
import { useLanguage, wordsIn } from '../../components/code-words';
import { formatDate, formatKyivDateTime } from '../../components/format';
import { ReferralStateBadge } from './ReferralStateBadge';

/** A reason of the history in words: a decline's or a revocation's code, or what was written. */
function reasonWords(row: HistoryRow, language: string): string {
  const reason = row.reason ?? '';
  if (row.kind === 'decline') {
    const code = DECLINE_REASONS.find((r) => r === reason);
    if (code) return wordsIn(DECLINE_REASON_WORDS[code], language);
  }
  if (row.kind === 'revoke') {
    const code = REVOKE_REASONS.find((r) => r === reason);
    if (code) return wordsIn(REVOKE_REASON_WORDS[code], language);
  }
  return reason;
}

/** The referral's changes in order: what happened, the state after it, when, why or with what outcome, who recorded it. */
export function ReferralHistory({ rows }: { rows: HistoryRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table striped withTableBorder verticalSpacing="xs" aria-label={t('referrals.history.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('referrals.history.date')}</Table.Th>
          <Table.Th>{t('referrals.history.kind')}</Table.Th>
          <Table.Th>{t('referrals.history.state')}</Table.Th>
          <Table.Th>{t('referrals.history.details')}</Table.Th>
          <Table.Th>{t('referrals.history.recorded')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const details = [row.outcome ? wordsIn(OUTCOME_WORDS[row.outcome], language) : '', reasonWords(row, language)].filter(Boolean).join('; ');
          return (
            <Table.Tr key={row.id} data-kind={row.kind}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(row.date)}</Table.Td>
              <Table.Td>{t(`referrals.history.kinds.${row.kind}`)}</Table.Td>
              <Table.Td>
                <ReferralStateBadge state={row.state} />
              </Table.Td>
              <Table.Td>
                {details ? <Text size="sm">{details}</Text> : null}
                {row.note ? (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {row.note}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t('referrals.history.recordedBy', { name: row.recordedBy, at: formatKyivDateTime(row.recordedAt) })}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
