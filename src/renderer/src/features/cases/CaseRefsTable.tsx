import { Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../../../shared/domain/cases';
import { useNavigation } from '../../app/navigation';
import { formatDate } from '../../components/format';
import { CaseStateBadge } from './CaseStateBadge';

export interface CaseRef {
  id: string;
  registrationNumber: string;
  registrationDate: string;
  state: string;
}

/** A person's applications, each opening its case card, with where the procedure stands; named by the heading `labelledBy`. */
export function CaseRefsTable({ cases, labelledBy }: { cases: readonly CaseRef[]; labelledBy: string }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  return (
    <Table verticalSpacing={4} highlightOnHover aria-labelledby={labelledBy}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cases.list.columns.registration')}</Table.Th>
          <Table.Th>{t('cases.list.columns.state')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cases.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Button variant="subtle" size="compact-sm" onClick={() => open('cases', c.id)}>
                {t('cases.registrationRef', { number: c.registrationNumber, date: formatDate(c.registrationDate) })}
              </Button>
            </Table.Td>
            <Table.Td>
              <CaseStateBadge state={c.state as CaseState} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
