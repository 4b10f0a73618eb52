import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messages';
import { clearSnapshot } from './popup-snapshot';
import type { AuthState } from '@/lib/settings';

interface Props {
  state: AuthState;
  /** What signing in is for, shown to a signed-out user. */
  pitch?: string;
}

/** Sign in, the flow's progress, the account and Sign out: shared by the popup and the options page. */
export function AccountPanel({ state, pitch }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const run = async (type: 'auth/sign-in' | 'auth/sign-out') => {
    if (type === 'auth/sign-out') clearSnapshot();
    setBusy(true);
    setFailure(undefined);
    try {
      await sendMessage(type);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const alert = failure ?? (state.status === 'signed-out' ? state.problem?.message : undefined);

  return (
    <div class="account">
      {alert && (
        <p class="alert" role="alert">
          {alert}
        </p>
      )}
      {state.status === 'signed-in' ? (
        <div class="account-row">
          <p class="account-name">
            <span class="muted">Signed in as</span> <strong>{state.account.name}</strong>
          </p>
          <button type="button" class="secondary" disabled={busy} onClick={() => void run('auth/sign-out')}>
            Sign out
          </button>
        </div>
      ) : state.status === 'signing-in' ? (
        <p role="status" class="progress">
          Signing in… Finish in the window that opened.
        </p>
      ) : (
        <div class="signed-out">
          {pitch && <p>{pitch}</p>}
          <button type="button" class="primary" disabled={busy} onClick={() => void run('auth/sign-in')}>
            Sign in
          </button>
        </div>
      )}
    </div>
  );
}
