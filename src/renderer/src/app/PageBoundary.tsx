import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** A new key (another page or record) clears the failure. */
  resetKey: string;
  onHome(): void;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * A crash boundary around one page: a fault in its code replaces that page with a sentence and a way back;
 * the shell, the navigation, the session and every other page's data stay as they were.
 */
export class PageBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The message and the component stack name code, not data; nothing here reaches the disk.
    console.error('page failed', error.name, info.componentStack?.split('\n').slice(0, 4).join(' '));
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return <PageFailure error={this.state.error} onRetry={() => this.setState({ error: null })} onHome={this.props.onHome} />;
  }
}

function PageFailure({ error, onRetry, onHome }: { error: Error; onRetry(): void; onHome(): void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert" title={t('shell.pageFailed.title')} maw={720} data-testid="page-failure">
      <Stack gap="sm">
        <Text size="sm">{t('shell.pageFailed.text')}</Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {error.name}
        </Text>
        <Group>
          <Button size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
          <Button size="xs" variant="default" onClick={onHome}>
            {t('shell.pageFailed.home')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
