import type { CodeFlowConfig } from '../auth/code-flow';
import type { ImplicitFlowConfig } from '../auth/implicit-flow';
import type { Account, ProviderId } from '../settings';

export type AuthMethod = { kind: 'code'; config: CodeFlowConfig } | { kind: 'implicit'; config: ImplicitFlowConfig };

/** One adapter per provider: how to sign in, and how to turn its API into the common model. */
export interface Provider {
  id: ProviderId;
  label: string;
  auth: AuthMethod;
  fetchAccount(accessToken: string): Promise<Account>;
}
