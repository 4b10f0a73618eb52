import { AccountPanel } from '@/components/AccountPanel';
import { useAuthState } from '@/components/useAuthState';
import { ProviderSettings } from './ProviderSettings';

export function App() {
  const state = useAuthState();
  return (
    <main class="options">
      <h1>Event Scout options</h1>
      <ProviderSettings />
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">Account</h2>
        {state && <AccountPanel state={state} />}
      </section>
    </main>
  );
}
