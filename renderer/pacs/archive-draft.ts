import type { ArchiveSummary, SaveArchiveInput } from '../../shared/contract/pacs-schemas.ts';

/** The settings form's state: every field as typed, whatever the protocol. */
export interface ArchiveDraft {
  id?: number;
  name: string;
  kind: 'dicomweb' | 'dimse';
  url: string;
  auth: 'none' | 'basic' | 'bearer';
  user: string;
  /** Typed password or token; empty keeps the stored one. */
  secret: string;
  hasSecret: boolean;
  caPem: string;
  aet: string;
  host: string;
  port: string;
  localAet: string;
  retrieve: 'c-get' | 'c-move';
  storePort: string;
  timeoutSeconds: string;
}

export const emptyDraft: ArchiveDraft = {
  name: '',
  kind: 'dicomweb',
  url: '',
  auth: 'basic',
  user: '',
  secret: '',
  hasSecret: false,
  caPem: '',
  aet: '',
  host: '',
  port: '104',
  localAet: 'SPINE_REVIEW',
  retrieve: 'c-move',
  storePort: '11112',
  timeoutSeconds: '30',
};

export function draftOf(a: ArchiveSummary): ArchiveDraft {
  const c = a.connection;
  const base = {
    ...emptyDraft,
    id: a.id,
    name: a.name,
    hasSecret: a.hasSecret,
    timeoutSeconds: String(c.timeoutSeconds),
  };
  return c.kind === 'dicomweb'
    ? { ...base, kind: 'dicomweb', url: c.url, auth: c.auth, user: c.user ?? '', caPem: c.caPem ?? '' }
    : {
        ...base,
        kind: 'dimse',
        aet: c.aet,
        host: c.host,
        port: String(c.port),
        localAet: c.localAet,
        retrieve: c.retrieve,
        storePort: c.storePort === undefined ? '' : String(c.storePort),
      };
}

const num = (s: string): number => (s.trim() === '' ? NaN : Number(s));

/** What the backend validates; the contract's schema gives the messages. */
export function saveInputOf(d: ArchiveDraft): SaveArchiveInput {
  const timeoutSeconds = num(d.timeoutSeconds);
  const connection: SaveArchiveInput['connection'] =
    d.kind === 'dicomweb'
      ? {
          kind: 'dicomweb',
          url: d.url,
          auth: d.auth,
          ...(d.auth === 'basic' ? { user: d.user } : {}),
          ...(d.caPem.trim() ? { caPem: d.caPem } : {}),
          timeoutSeconds,
        }
      : {
          kind: 'dimse',
          aet: d.aet,
          host: d.host,
          port: num(d.port),
          localAet: d.localAet,
          retrieve: d.retrieve,
          ...(d.retrieve === 'c-move' ? { storePort: num(d.storePort) } : {}),
          timeoutSeconds,
        };
  return {
    ...(d.id !== undefined ? { id: d.id } : {}),
    name: d.name,
    connection,
    ...(d.secret ? { secret: d.secret } : {}),
  };
}
