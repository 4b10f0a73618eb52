import { parseProblem, type Problem } from './problem';
import { isFiniteNumber, isRecord } from './shape';
import { defineStoredItem } from './stored-item';

// Saved searches' background sync: read by the worker and the options page, never by the popup, which
// is why they are not in lib/settings.ts (every stored item a page imports is in its bundle).

export const SYNC_INTERVAL_RANGE = { min: 15, max: 240 } as const;

export interface SyncSettings {
  /** How often saved searches are refreshed in the background. */
  intervalMinutes: number;
  /** Opt-in; needs the optional `notifications` permission. */
  notifications: boolean;
}

export const syncSettings = defineStoredItem<SyncSettings>('sync:syncSettings', {
  // The user's settings
  clearOn: 'never',
  fallback: { intervalMinutes: 30, notifications: false },
  version: 1,
  parse: (raw) => {
    if (!isRecord(raw) || !Number.isInteger(raw.intervalMinutes) || typeof raw.notifications !== 'boolean')
      return undefined;
    const intervalMinutes = raw.intervalMinutes as number;
    if (intervalMinutes < SYNC_INTERVAL_RANGE.min || intervalMinutes > SYNC_INTERVAL_RANGE.max)
      return undefined;
    return { intervalMinutes, notifications: raw.notifications };
  },
});

/**
 * How the last sync cycle ended, for the options page and the popup: `synced`, or the problem that
 * stopped it (lib/problem.ts), with what it had found by then.
 */
export interface SyncStatus {
  at: number;
  outcome: { code: 'synced' } | Problem;
  /** New events the cycle found. */
  found: number;
}

/** v1's outcomes, as v2's codes. */
const V1_OUTCOMES: Record<string, SyncStatus['outcome']['code']> = {
  synced: 'synced',
  offline: 'offline',
  'signed-out': 'not-signed-in',
  'rate-limited': 'rate-limit',
  'over-budget': 'over-budget',
  failed: 'failed',
  'nothing-saved': 'nothing-saved',
};

/** v1 stored an outcome name and an English sentence; v2 stores a code (and its parameters). */
function outcomeAsCode(old: unknown): unknown {
  if (!isRecord(old) || typeof old.outcome !== 'string') return old;
  const { message: _message, outcome, ...rest } = old;
  return { ...rest, outcome: { code: V1_OUTCOMES[outcome] ?? 'failed' } };
}

function parseOutcome(raw: unknown): SyncStatus['outcome'] | undefined {
  return isRecord(raw) && raw.code === 'synced' ? { code: 'synced' } : parseProblem(raw);
}

export const syncStatus = defineStoredItem<SyncStatus | null>('local:syncStatus', {
  // How the account's last sync went
  clearOn: 'session-end',
  fallback: null,
  version: 2,
  migrations: { 2: outcomeAsCode },
  parse: (raw) => {
    if (!isRecord(raw) || !isFiniteNumber(raw.at) || !isFiniteNumber(raw.found)) return undefined;
    const outcome = parseOutcome(raw.outcome);
    return outcome ? { at: raw.at, outcome, found: raw.found } : undefined;
  },
});
