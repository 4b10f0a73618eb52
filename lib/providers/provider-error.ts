import { ProblemError, type ProblemCode } from '../problem';

/** What a provider's API can answer that the user needs to hear about, by code (lib/problem.ts). */
export type ProviderErrorCode = Extract<
  ProblemCode,
  | 'auth'
  | 'forbidden'
  | 'rate-limit'
  | 'arguments'
  | 'not-found'
  | 'server'
  | 'network'
  | 'malformed'
  | 'no-access'
  | 'key-refused'
  | 'quota-spent'
  | 'no-key'
>;

/** When the provider takes requests again, as it said. */
export interface ProviderWait {
  /** Seconds, from Retry-After. */
  retryAfter?: number;
  /** Epoch ms (Ticketmaster's Rate-Limit-Reset: its day's quota starts again). */
  until?: number;
}

/** A provider's API failed, by code (lib/problem.ts); `detail` never holds a credential. */
export class ProviderError extends ProblemError<ProviderErrorCode> {
  override name = 'ProviderError';
  readonly retryAfter?: number;
  readonly until?: number;

  constructor(code: ProviderErrorCode, detail?: string, { retryAfter, until }: ProviderWait = {}) {
    const params = {
      ...(retryAfter === undefined ? {} : { seconds: Math.ceil(retryAfter) }),
      ...(until === undefined ? {} : { until }),
    };
    super(code, { detail, ...(Object.keys(params).length ? { params } : {}) });
    this.retryAfter = retryAfter;
    this.until = until;
  }
}
