/** Why results on screen are not fresh ones from the provider; shared by the background and the popup. */
export interface SearchProblem {
  kind: 'offline' | 'rate-limit' | 'failed';
  message: string;
  retryAfter?: number;
}

export const OFFLINE_PROBLEM: SearchProblem = {
  kind: 'offline',
  message: 'You are offline, or the events service cannot be reached.',
};
