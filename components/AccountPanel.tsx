import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messages';
import { problemOf, type Problem } from '@/lib/problem';
import type { SignInProviderId } from '@/lib/provider-id';
import { problemText, providerName } from '@/lib/words';
import { OFFERED_SIGN_IN_PROVIDERS, providerSetting, type AuthState, type AuthStates } from '@/lib/settings';
import { useStoredValue } from './useStoredValue';
import { useDomId } from './use-dom-id';

/** Sends a sign-in or sign-out for one provider, with its progress and its failure. */
function useAuthAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ provider: SignInProviderId; problem: Problem }>();
  const run = async (type: 'auth/sign-in' | 'auth/sign-out', provider: SignInProviderId) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await sendMessage(type, provider);
    } catch (error) {
      setFailure({ provider, problem: problemOf(error) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}

/** Why a provider is signed out, naming it: several can be connected, and each ends on its own. */
function ProviderAlert({ provider, problem }: { provider: SignInProviderId; problem?: Problem }) {
  if (!problem) return null;
  return (
    <p class="alert" role="alert">
      {i18n.t('account.providerProblem', { provider: providerName(provider), problem: problemText(problem) })}
    </p>
  );
}

const problemOfState = (state: AuthState) => (state.status === 'signed-out' ? state.problem : undefined);

interface ProviderAccountProps {
  provider: SignInProviderId;
  state: AuthState;
  /** The sign-in button's words: "Sign in", or in the popup "Connect Eventbrite" for one not offered first. */
  signInLabel: string;
  /** Names the provider beside the account: the popup lists several; an Options region is named by it. */
  named?: boolean;
}

/** One provider's sign-in: why it ended, the flow's progress, the account and Sign out, or Sign in. */
export function ProviderAccount({ provider, state, signInLabel, named }: ProviderAccountProps) {
  const { busy, failure, run } = useAuthAction();
  // Several "Sign out" buttons in one popup: each is described by the account it ends.
  const accountId = useDomId();
  return (
    <div class="account">
      <ProviderAlert provider={provider} problem={failure?.problem ?? problemOfState(state)} />
      {state.status === 'signed-in' ? (
        <div class="account-row">
          <p class="account-name" id={accountId}>
            <span class="muted">
              {named
                ? i18n.t('account.signedInTo', { provider: providerName(provider) })
                : i18n.t('account.signedInAs')}
            </span>{' '}
            <strong>{state.account.name}</strong>
          </p>
          <button
            type="button"
            class="secondary"
            aria-describedby={accountId}
            disabled={busy}
            onClick={() => void run('auth/sign-out', provider)}
          >
            {i18n.t('account.signOut')}
          </button>
        </div>
      ) : state.status === 'signing-in' ? (
        <p role="status" class="muted">
          {i18n.t('account.signingIn')}
        </p>
      ) : (
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => void run('auth/sign-in', provider)}
        >
          {signInLabel}
        </button>
      )}
    </div>
  );
}

interface Props {
  states: AuthStates;
  /** What signing in is for, shown when no provider is signed in. */
  pitch: string;
  /** Where a user with no provider offered first goes to choose one (Options). */
  onChooseProvider: () => void;
}

/**
 * The popup's accounts: each provider signed in (or signing in, or just signed out with a reason), with
 * its own Sign out; with none, "Sign in" for the provider offered first and "Connect …" for the others.
 */
export function AccountPanel({ states, pitch, onChooseProvider }: Props) {
  const { busy, failure, run } = useAuthAction();
  const first = useStoredValue(providerSetting);
  if (first === undefined) return null;
  const label = (provider: SignInProviderId) =>
    provider === first
      ? i18n.t('account.signIn')
      : i18n.t('account.connect', { provider: providerName(provider) });

  const shown = OFFERED_SIGN_IN_PROVIDERS.filter((provider) => states[provider].status !== 'signed-out');
  if (shown.length)
    return (
      <>
        {OFFERED_SIGN_IN_PROVIDERS.filter(
          (provider) => shown.includes(provider) || problemOfState(states[provider]),
        ).map((provider) => (
          <ProviderAccount
            key={provider}
            provider={provider}
            state={states[provider]}
            signInLabel={label(provider)}
            named
          />
        ))}
      </>
    );

  // Nothing signed in: the reasons, then one button per provider, the one offered first first.
  const offered = [...OFFERED_SIGN_IN_PROVIDERS].sort((a, b) => Number(b === first) - Number(a === first));
  return (
    <div class="account signed-out">
      {OFFERED_SIGN_IN_PROVIDERS.map((provider) => (
        <ProviderAlert
          key={provider}
          provider={provider}
          problem={failure?.provider === provider ? failure.problem : problemOfState(states[provider])}
        />
      ))}
      <p>{pitch}</p>
      {!first && (
        <button type="button" class="primary" onClick={onChooseProvider}>
          {i18n.t('account.chooseProvider')}
        </button>
      )}
      {offered.map((provider) => (
        <button
          key={provider}
          type="button"
          class={provider === first ? 'primary' : 'secondary'}
          disabled={busy}
          onClick={() => void run('auth/sign-in', provider)}
        >
          {label(provider)}
        </button>
      ))}
    </div>
  );
}
