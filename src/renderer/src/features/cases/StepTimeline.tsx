import { Badge, Button, Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Case, Step } from '../../../../shared/domain/cases';
import type { Parameters } from '../../../../shared/domain/parameters';
import { formatDate } from '../../components/format';
import { NO_SHRINK } from '../../components/badge-styles';
import { daysLeftText } from './case-labels';
import { StepDetails } from './StepDetails';
import { StepForm } from './StepForm';

/**
 * The steps of the case in the order they happened, each with what it says and, for those who may write, its
 * «Виправити» and «Вилучити»; the step the case waits for closes the line, dashed, with its due date.
 */
export function StepTimeline({
  caseData,
  parameters,
  canWrite,
  editing,
  onEdit,
  onRemove,
  onSaved,
}: {
  caseData: Case;
  parameters: Parameters | undefined;
  canWrite: boolean;
  /** The step whose form is open in its place. */
  editing: string | null;
  onEdit(stepId: string | null): void;
  onRemove(step: Step): void;
  onSaved(updated: Case): void;
}) {
  const { t } = useTranslation();
  const next = caseData.nextStep;
  return (
    <Timeline active={caseData.steps.length - 1} bulletSize={22} lineWidth={2}>
      {caseData.steps.map((step, i) => {
        const late = step.daysLate > 0;
        return (
          <Timeline.Item
            key={step.id}
            data-testid="timeline-step"
            data-kind={step.kind}
            color={late ? 'orange' : undefined}
            bullet={<Text size="xs" fw={700} c="white" aria-hidden>{i + 1}</Text>}
            title={
              <Group gap="xs" wrap="wrap">
                <Text fw={600} size="sm" component="h3" m={0}>
                  {t(`cases.steps.${step.kind}`)}
                </Text>
                {late ? (
                  <Badge color="orange" variant="light" tt="none" size="sm" styles={NO_SHRINK}>
                    {t('cases.timeline.late', { count: step.daysLate })}
                  </Badge>
                ) : null}
              </Group>
            }
          >
            {editing === step.id ? (
              <StepForm caseData={caseData} kind={step.kind as Exclude<typeof step.kind, 'registration'>} saved={step} parameters={parameters} onDone={onSaved} onCancel={() => onEdit(null)} />
            ) : (
              <>
                <StepDetails step={step} />
                {canWrite && step.kind !== 'registration' && !caseData.anonymised ? (
                  <Group gap={4} mt={4}>
                    <Button size="compact-sm" variant="subtle" onClick={() => onEdit(step.id)} aria-label={t('cases.timeline.editNamed', { step: t(`cases.steps.${step.kind}`), date: formatDate(step.date) })}>
                      {t('cases.timeline.edit')}
                    </Button>
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRemove(step)} aria-label={t('cases.timeline.removeNamed', { step: t(`cases.steps.${step.kind}`), date: formatDate(step.date) })}>
                      {t('cases.timeline.remove')}
                    </Button>
                  </Group>
                ) : null}
              </>
            )}
          </Timeline.Item>
        );
      })}
      {next ? (
        <Timeline.Item
          lineVariant="dashed"
          color="gray"
          data-testid="timeline-next"
          title={
            <Text fw={600} size="sm" c="dimmed" component="h3" m={0}>
              {t('cases.timeline.next', { step: t(`cases.steps.${next}`) })}
            </Text>
          }
        >
          {caseData.dueOn ? (
            <Text size="sm" c={caseData.daysLeft !== null && caseData.daysLeft < 0 ? 'red' : 'dimmed'}>
              {t('cases.timeline.due', { date: formatDate(caseData.dueOn), left: caseData.daysLeft === null ? '' : daysLeftText(t, caseData.daysLeft) })}
            </Text>
          ) : null}
        </Timeline.Item>
      ) : null}
    </Timeline>
  );
}
