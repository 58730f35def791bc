import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockInfo, SessionInfo } from '../../../../../shared/domain/auth';
import { CenteredCard } from '../../../components/CenteredCard';
import { RecoverForm } from './RecoverForm';
import { UnlockForm } from './UnlockForm';

const REASONS = new Set(['manual', 'idle', 'system-idle', 'os-lock', 'suspend']);

/** Why the store locked (by hand, idle, the OS) and whether unsaved edits were kept, above the form. */
function LockNotice({ lastLock }: { lastLock: LockInfo }) {
  const { t } = useTranslation();
  const reason = REASONS.has(lastLock.reason) ? lastLock.reason : 'other';
  return (
    <Alert color="gray" variant="light" mb="md" role="status" data-testid="lock-reason">
      {t(`shell.lockReason.${reason}`)}
      {lastLock.draftsKept > 0 ? ` ${t('shell.lockReason.drafts', { count: lastLock.draftsKept })}` : ''}
    </Alert>
  );
}

export function UnlockScreen({ onUnlocked, lastLock = null }: { onUnlocked(session: SessionInfo): void; lastLock?: LockInfo | null }) {
  const [recovering, setRecovering] = useState(false);
  return (
    <CenteredCard width={recovering ? 560 : 440}>
      {lastLock && !recovering ? <LockNotice lastLock={lastLock} /> : null}
      {recovering ? (
        <RecoverForm onUnlocked={onUnlocked} onBack={() => setRecovering(false)} />
      ) : (
        <UnlockForm onUnlocked={onUnlocked} onForgot={() => setRecovering(true)} />
      )}
    </CenteredCard>
  );
}
