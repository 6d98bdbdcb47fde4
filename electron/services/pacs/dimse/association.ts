import dimse from 'dcmjs-dimse';
import type { DimseConnection } from '../../../../shared/contract/pacs-schemas.ts';
import { archiveError, cancelled, networkError } from '../archive-error.ts';

type DimseRequest = InstanceType<typeof dimse.requests.Request>;
export type DimseClient = InstanceType<typeof dimse.Client>;

// The library logs every association at info level, with identifiers; patient data stays out of logs.
dimse.log.setLevel('silent');

export interface AssociationOptions {
  /** Called after the association is set up but before it connects (extra contexts, handlers). */
  prepare?: (client: DimseClient) => void;
  signal?: AbortSignal;
}

/**
 * Opens one association to the archive, performs the requests in order, and resolves once it is
 * released. A rejected association, a network failure or the user's cancel rejects with a plain
 * sentence; responses arrive through each request's own 'response' events.
 */
export function runAssociation(
  c: DimseConnection,
  requests: readonly DimseRequest[],
  options: AssociationOptions = {},
): Promise<void> {
  const where = `${c.host}:${c.port} (${c.aet})`;
  const timeout = c.timeoutSeconds * 1000;
  return new Promise<void>((resolve, reject) => {
    if (options.signal?.aborted) return reject(cancelled());
    const client = new dimse.Client();
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => {
      try {
        client.abort();
      } catch {
        // not connected yet: closing the socket is enough
      }
      finish(cancelled());
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    for (const r of requests) client.addRequest(r);
    client.on('associationRejected', () =>
      finish(
        archiveError(
          `The archive at ${where} refused the association: check its AE title and that it knows this app's AE title "${c.localAet}".`,
        ),
      ),
    );
    client.on('networkError', (e: unknown) =>
      finish(networkError(e, where, c.timeoutSeconds, options.signal)),
    );
    client.on('closed', () => finish(null));
    options.prepare?.(client);
    try {
      client.send(c.host, c.port, c.localAet, c.aet, {
        connectTimeout: timeout,
        associationTimeout: timeout,
        pduTimeout: timeout,
      });
    } catch (e) {
      finish(networkError(e, where, c.timeoutSeconds, options.signal));
    }
  });
}

/** dcmjs-dimse's failure statuses, as words (PS3.4 C.4.1.1.4, C.4.2.1.5). */
export function statusText(status: number): string {
  if (status === 0xa700) return 'the archive is out of resources';
  if (status === 0xa701 || status === 0xa702) return 'the archive could not perform the sub-operations';
  if (status === 0xa801) return "the archive does not know this app's AE title as a move destination";
  if (status === 0xa900) return 'the archive refused the query (identifier does not match the SOP class)';
  if (status === 0xc000 || (status & 0xf000) === 0xc000) return 'the archive could not process the request';
  if (status === 0xfe00) return 'cancelled';
  return `status 0x${status.toString(16).padStart(4, '0')}`;
}
