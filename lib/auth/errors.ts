import { ProblemError, type ProblemCode } from '../problem';

export type AuthErrorCode = Extract<
  ProblemCode,
  | 'cancelled'
  | 'denied'
  | 'unreachable'
  | 'interrupted'
  | 'untrusted-response'
  | 'exchange-failed'
  | 'session-expired'
  | 'not-configured'
  | 'not-signed-in'
  | 'offline'
  | 'no-access'
>;

/** An auth failure, by code (lib/problem.ts); `detail` is for logs, never for tokens. */
export class AuthError extends ProblemError<AuthErrorCode> {
  override name = 'AuthError';

  constructor(code: AuthErrorCode, detail?: string) {
    super(code, { detail });
  }
}
