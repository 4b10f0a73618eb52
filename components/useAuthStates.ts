import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messages';
import { SIGN_IN_PROVIDER_IDS, type SignInProviderId } from '@/lib/provider-id';
import { authStates, readAuthStates, type AuthState, type AuthStates } from '@/lib/settings';

const INTERRUPTED: AuthState = {
  status: 'signed-out',
  problem: { code: 'interrupted' },
};

/** `signing-in` past its deadline is a flow that died with its worker: never show it as running. */
function current(state: AuthState): AuthState {
  return state.status === 'signing-in' && state.until <= Date.now() ? INTERRUPTED : state;
}

const currentAll = (states: AuthStates): AuthStates =>
  Object.fromEntries(SIGN_IN_PROVIDER_IDS.map((id) => [id, current(states[id])])) as AuthStates;

/**
 * Every sign-in provider's state as stored by the background, kept live. Asking the background once
 * wakes it, which settles a flow whose worker stopped while the auth window was open.
 */
export function useAuthStates(): AuthStates | undefined {
  const [states, setStates] = useState<AuthStates>();

  useEffect(() => {
    let live = true;
    const showAll = (next: AuthStates) => live && setStates(currentAll(next));
    const showOne = (provider: SignInProviderId) => (next: AuthState) =>
      live && setStates((shown) => shown && { ...shown, [provider]: current(next) });
    void readAuthStates().then(showAll);
    const unwatch = SIGN_IN_PROVIDER_IDS.map((id) => authStates[id].watch(showOne(id)));
    sendMessage('auth/state').then(showAll, () => undefined);
    return () => {
      live = false;
      unwatch.forEach((stop) => stop());
    };
  }, []);

  // The earliest deadline of a flow shown as running: then it is shown as interrupted.
  const deadline = Math.min(
    ...Object.values(states ?? {}).map((state) => (state.status === 'signing-in' ? state.until : Infinity)),
  );
  useEffect(() => {
    if (!states || deadline === Infinity) return;
    const timer = setTimeout(() => setStates(currentAll(states)), deadline - Date.now());
    return () => clearTimeout(timer);
  }, [states, deadline]);

  return states;
}
