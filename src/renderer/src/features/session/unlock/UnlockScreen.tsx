import { useState } from 'react';
import type { SessionInfo } from '../../../../../shared/domain/auth';
import { CenteredCard } from '../../../components/CenteredCard';
import { RecoverForm } from './RecoverForm';
import { UnlockForm } from './UnlockForm';

export function UnlockScreen({ onUnlocked }: { onUnlocked(session: SessionInfo): void }) {
  const [recovering, setRecovering] = useState(false);
  return (
    <CenteredCard width={recovering ? 560 : 440}>
      {recovering ? (
        <RecoverForm onUnlocked={onUnlocked} onBack={() => setRecovering(false)} />
      ) : (
        <UnlockForm onUnlocked={onUnlocked} onForgot={() => setRecovering(true)} />
      )}
    </CenteredCard>
  );
}
