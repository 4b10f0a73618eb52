export type AuthErrorCode =
  | 'cancelled'
  | 'denied'
  | 'unreachable'
  | 'interrupted'
  | 'untrusted-response'
  | 'exchange-failed'
  | 'session-expired'
  | 'not-configured'
  | 'no-provider'
  | 'not-signed-in'
  | 'offline'
  | 'no-access';

const MESSAGES: Record<AuthErrorCode, string> = {
  cancelled: 'Sign-in was cancelled before it finished.',
  denied: 'Access was not allowed, so Event Scout could not sign you in.',
  unreachable: 'Could not reach the sign-in server. Check your connection and try again.',
  interrupted: 'Sign-in did not finish. Please try again.',
  'untrusted-response':
    'The sign-in server sent an answer that failed its security checks. Please try again.',
  'exchange-failed': 'The sign-in server did not complete the sign-in. Please try again.',
  'session-expired': 'Your session has ended. Sign in again to continue.',
  'not-configured': 'This provider needs a client id: set it in Options.',
  'no-provider': 'Choose a provider in Options first.',
  'not-signed-in': 'You are not signed in.',
  offline: 'You are offline. Connect to the internet and try again.',
  'no-access': 'Event Scout is not allowed to reach the sign-in server. Choose “Allow access”, then sign in.',
};

/** An auth failure with a message a person can act on; `detail` is for logs, never for tokens. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly code: AuthErrorCode;
  readonly detail?: string;

  constructor(code: AuthErrorCode, detail?: string) {
    super(MESSAGES[code]);
    this.code = code;
    this.detail = detail;
  }

  toProblem() {
    return { code: this.code, message: this.message };
  }
}
