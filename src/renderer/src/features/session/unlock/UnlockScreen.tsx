import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockInfo, SessionInfo } from '../../../../../shared/domain/auth';
import { CenteredCard } from '../../../components/CenteredCard';
import { RestoreForm } from '../../backup/RestoreForm';
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
  const [mode, setMode] = useState<'unlock' | 'recover' | 'restore'>('unlock');
  const toUnlock = () => setMode('unlock');
  return (
    <CenteredCard width={mode === 'unlock' ? 440 : 560}>
      {lastLock && mode === 'unlock' ? <LockNotice lastLock={lastLock} /> : null}
      {mode === 'recover' ? <RecoverForm onUnlocked={onUnlocked} onBack={toUnlock} /> : null}
      {mode === 'restore' ? <RestoreForm onUnlocked={onUnlocked} onBack={toUnlock} /> : null}
      {mode === 'unlock' ? <UnlockForm onUnlocked={onUnlocked} onForgot={() => setMode('recover')} onRestore={() => setMode('restore')} /> : null}
    </CenteredCard>
  );
}
