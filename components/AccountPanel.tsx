import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messages';
import { problemOf, type Problem } from '@/lib/problem';
import type { SignInProviderId } from '@/lib/provider-id';
import { problemText, providerName } from '@/lib/words';
import { OFFERED_SIGN_IN_PROVIDERS, providerSetting, type AuthState } from '@/lib/settings';
import { useStoredValue } from './useStoredValue';

interface Props {
  state: AuthState;
  /** What signing in is for, shown to a signed-out user. */
  pitch?: string;
  /**
   * Where a user with no provider chosen goes to choose one (the popup: Options); without it nothing is
   * offered for that, as on the options page, which has the choice itself.
   */
  onChooseProvider?: () => void;
}

/** Sign in, the flow's progress, the account and Sign out: shared by the popup and the options page. */
export function AccountPanel({ state, pitch, onChooseProvider }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Problem>();
  const provider = useStoredValue(providerSetting);

  const run = async (type: 'auth/sign-in' | 'auth/sign-out', switchTo?: SignInProviderId) => {
    setBusy(true);
    setFailure(undefined);
    try {
      // "Connect Eventbrite" from signed out: that provider becomes the one signed in to.
      if (switchTo) await sendMessage('auth/switch-provider', switchTo);
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
          {provider ? (
            <button type="button" class="primary" disabled={busy} onClick={() => void run('auth/sign-in')}>
              {i18n.t('account.signIn')}
            </button>
          ) : (
            onChooseProvider && (
              <button type="button" class="primary" onClick={onChooseProvider}>
                {i18n.t('account.chooseProvider')}
              </button>
            )
          )}
          {provider !== undefined &&
            OFFERED_SIGN_IN_PROVIDERS.filter((id) => id !== provider).map((id) => (
              <button
                key={id}
                type="button"
                class="secondary"
                disabled={busy}
                onClick={() => void run('auth/sign-in', id)}
              >
                {i18n.t('account.connect', { provider: providerName(id) })}
              </button>
            ))}
        </div>
      )}
    </div>
  );
}
