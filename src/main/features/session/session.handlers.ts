import type { Handlers } from '../../ipc/dispatcher';

export const sessionHandlers = {
  'app:status': (_input, { core }) => core.status(),
  'setup:create': (input, { core }) => core.setup(input),
  'session:unlock': (input, { core }) => core.unlock(input.login, input.passphrase),
  'session:lock': (_input, { core }) => {
    core.lock('manual');
    return { locked: true as const };
  },
  'session:activity': () => ({ ok: true as const }),
  'session:changePassphrase': (input, { core }) => core.changePassphrase(input.current, input.next),
  'session:recover': (input, { core }) => core.recover(input.recoveryKey, input.login, input.newPassphrase),
} satisfies Partial<Handlers>;
