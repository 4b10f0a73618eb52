import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messages';
import { problemOf, type Problem } from '@/lib/problem';
import { problemText } from '@/lib/words';
import type { AuthState } from '@/lib/settings';

interface Props {
  state: AuthState;
  /** What signing in is for, shown to a signed-out user. */
  pitch?: string;
}

/** Sign in, the flow's progress, the account and Sign out: shared by the popup and the options page. */
export function AccountPanel({ state, pitch }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Problem>();

  const run = async (type: 'auth/sign-in' | 'auth/sign-out') => {
    setBusy(true);
    setFailure(undefined);
    try {
      await sendMessage(type);
    } catch (error) {
      setFailure(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const alert = failure ?? (state.status === 'signed-out' ? state.problem : undefined);

  return (
    <div class="account">
      {alert && (
        <p class="alert" role="alert">
          {problemText(alert)}
        </p>
      )}
      {state.status === 'signed-in' ? (
        <div class="account-row">
          <p class="account-name">
            <span class="muted">{i18n.t('account.signedInAs')}</span> <strong>{state.account.name}</strong>
          </p>
          <button type="button" class="secondary" disabled={busy} onClick={() => void run('auth/sign-out')}>
            {i18n.t('account.signOut')}
          </button>
        </div>
      ) : state.status === 'signing-in' ? (
        <p role="status" class="progress">
          {i18n.t('account.signingIn')}
        </p>
      ) : (
        <div class="signed-out">
          {pitch && <p>{pitch}</p>}
          <button type="button" class="primary" disabled={busy} onClick={() => void run('auth/sign-in')}>
            {i18n.t('account.signIn')}
          </button>
        </div>
      )}
    </div>
  );
}
