/**
 * The one vocabulary for what went wrong (or how a sync ended), shared by every module: lib/ hands out a
 * code and its parameters, never a sentence. The words live in locales/ and are looked up through one
 * static table (components/words.ts), so a code without words, or words without a code, fails a test.
 */
export const PROBLEM_CODES = [
  // Signing in.
  'cancelled',
  'denied',
  'unreachable',
  'interrupted',
  'untrusted-response',
  'exchange-failed',
  'session-expired',
  'not-configured',
  'not-signed-in',
  // Reaching a provider.
  'offline',
  'no-access',
  'auth',
  'forbidden',
  'rate-limit',
  'arguments',
  'not-found',
  'server',
  'network',
  'malformed',
  'key-refused',
  'quota-spent',
  'no-key',
  // Syncing saved searches.
  'over-budget',
  'nothing-saved',
  // Saved searches in storage.sync.
  'sync-write-rate',
  'sync-storage-full',
  'sync-storage-failed',
  'saved-too-long',
  'saved-too-many',
  'saved-not-found',
  'name-empty',
  'name-too-long',
  // Interested events in storage.sync.
  'interested-too-many',
  'interested-too-long',
  // What the options page lets people type.
  'organizer-id-invalid',
  'organizers-too-many',
  'client-id-invalid',
  'interval-out-of-range',
  'key-invalid',
  'key-unchecked',
  // Between the pages and the background.
  'no-answer',
  'failed',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Values a code's words put in place: a count, a limit, a name the user typed. */
export type ProblemParams = Record<string, string | number>;

export interface Problem {
  code: ProblemCode;
  params?: ProblemParams;
}

const isProblemCode = (value: unknown): value is ProblemCode =>
  (PROBLEM_CODES as readonly unknown[]).includes(value);

/** A failure with a code the pages turn into words; `detail` is for logs only, never shown. */
export class ProblemError<Code extends ProblemCode = ProblemCode> extends Error {
  override name = 'ProblemError';
  readonly code: Code;
  readonly params?: ProblemParams;
  readonly detail?: string;

  constructor(code: Code, options: { params?: ProblemParams; detail?: string } = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code);
    this.code = code;
    this.params = options.params;
    this.detail = options.detail;
  }

  toProblem(): Problem {
    return this.params ? { code: this.code, params: this.params } : { code: this.code };
  }
}

/** What any thrown value means for the user: its own problem when it has one, else "failed". */
export function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.toProblem();
  const code = (error as { code?: unknown } | null)?.code;
  return { code: isProblemCode(code) ? code : 'failed' };
}

/** A problem read back from storage or a message: a known code and plain parameters, or undefined. */
export function parseProblem(raw: unknown): Problem | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { code, params } = raw as { code?: unknown; params?: unknown };
  if (!isProblemCode(code)) return undefined;
  if (params === undefined) return { code };
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return { code };
  const plain = Object.entries(params).filter(
    (entry): entry is [string, string | number] =>
      typeof entry[1] === 'string' || (typeof entry[1] === 'number' && Number.isFinite(entry[1])),
  );
  return plain.length ? { code, params: Object.fromEntries(plain) } : { code };
}

/** Offline, or the events service cannot be reached: the one problem the popup also finds by itself. */
export const OFFLINE: Problem = { code: 'offline' };
