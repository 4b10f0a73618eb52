import { AccountPanel } from '@/components/AccountPanel';
import { useAuthState } from '@/components/useAuthState';
import { SearchPanel } from './SearchPanel';

export function App() {
  const state = useAuthState();
  return (
    <main class="popup">
      <header class="popup-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Event Scout</h1>
      </header>
      {state?.status === 'signed-in' && <SearchPanel provider={state.provider} />}
      {state && (
        <footer class={state.status === 'signed-in' ? 'popup-footer' : undefined}>
          <AccountPanel state={state} pitch="Sign in to search events, keep them for offline use, and hear about new ones." />
        </footer>
      )}
    </main>
  );
}
