import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messages';
import { authState, type AuthState } from '@/lib/settings';

const INTERRUPTED: AuthState = {
  status: 'signed-out',
  problem: { code: 'interrupted' },
};

/** `signing-in` past its deadline is a flow that died with its worker: never show it as running. */
function current(state: AuthState): AuthState {
  return state.status === 'signing-in' && state.until <= Date.now() ? INTERRUPTED : state;
}

/**
 * The sign-in state as stored by the background, kept live. Asking the background once wakes it,
 * which settles a flow whose worker stopped while the auth window was open.
 */
export function useAuthState(): AuthState | undefined {
  const [state, setState] = useState<AuthState>();

  useEffect(() => {
    let live = true;
    const show = (next: AuthState) => live && setState(current(next));
    void authState.getValue().then(show);
    const unwatch = authState.watch((next) => show(next));
    sendMessage('auth/state').then(show, () => undefined);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  useEffect(() => {
    if (state?.status !== 'signing-in') return;
    const timer = setTimeout(() => setState(current(state)), state.until - Date.now());
    return () => clearTimeout(timer);
  }, [state]);

  return state;
}
