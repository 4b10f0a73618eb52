import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * The demo provider's storage: in memory, one store per server, so a restart forgets every grant
 * (it is a demo) and two servers in one test process never share state.
 */
export type MemoryAdapterClass = (new (model: string) => Adapter) & {
  /** Forgets every grant and token, as a user withdrawing the app's access at the provider does. */
  revokeEverything(): void;
};

export function memoryAdapter(): MemoryAdapterClass {
  const entries = new Map<string, Entry>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) entries.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry : undefined;
  };

  return class MemoryAdapter implements Adapter {
    private readonly model: string;

    static revokeEverything() {
      for (const key of entries.keys())
        if (/^(AccessToken|RefreshToken|Grant|AuthorizationCode):/.test(key)) entries.delete(key);
    }

    constructor(model: string) {
      this.model = model;
    }

    private key(id: string) {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      entries.set(this.key(id), {
        payload,
        expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY,
      });
    }

    async find(id: string) {
      return live(this.key(id))?.payload;
    }

    async findByUid(uid: string) {
      for (const key of entries.keys()) {
        const entry = key.startsWith(`${this.model}:`) ? live(key) : undefined;
        if (entry?.payload.uid === uid) return entry.payload;
      }
      return undefined;
    }

    async findByUserCode(userCode: string) {
      for (const key of entries.keys()) {
        const entry = key.startsWith(`${this.model}:`) ? live(key) : undefined;
        if (entry?.payload.userCode === userCode) return entry.payload;
      }
      return undefined;
    }

    async consume(id: string) {
      const entry = live(this.key(id));
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string) {
      entries.delete(this.key(id));
    }

    async revokeByGrantId(grantId: string) {
      for (const [key, entry] of entries) if (entry.payload.grantId === grantId) entries.delete(key);
    }
  };
}
