import type { FeatureHandlers } from '../../kernel/context';

/** The session's channels: the core session below the features does the work. */
export const sessionHandlers = {
  'session:status': (_input, { core }) => core.status(),
  'session:setup': (input, { core }) => core.setup(input),
  'session:unlock': (input, { core }) => core.unlock(input.login, input.passphrase),
  'session:lock': (_input, { core }) => {
    core.lock('manual');
    return { locked: true as const };
  },
  'session:activity': () => ({ ok: true as const }),
  'session:changePassphrase': (input, { core }) => core.changePassphrase(input.current, input.next),
  'session:recover': (input, { core }) => core.recover(input.recoveryKey, input.login, input.newPassphrase),
} satisfies FeatureHandlers<'session'>;
