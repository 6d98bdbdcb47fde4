import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { rootCertificates } from 'node:tls';
import type { DicomWebConnection } from '../../../../shared/contract/pacs-schemas.ts';
import { archiveError, cancelled, httpStatusError, networkError } from '../archive-error.ts';

export interface HttpAnswer {
  status: number;
  contentType: string;
  /** The body as it arrives; pausing it pauses the socket (backpressure). */
  body: IncomingMessage;
}

export interface HttpRequest {
  method?: 'GET' | 'POST';
  accept: string;
  body?: Readable;
  contentType?: string;
  signal?: AbortSignal;
  /** Words for error messages ("the study search"). */
  what: string;
  /** Statuses the caller handles itself (e.g. 204 No Content, 406 to retry another form). */
  allow?: readonly number[];
}

class TimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

export async function readText(body: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One DICOMweb service: base URL, authentication and TLS trust (the system's authorities plus an
 * optional hospital CA). Node's own HTTP client keeps bodies as streams with real backpressure, so
 * a study is never held in memory; the timeout bounds both the wait for an answer and any silence
 * while a body streams.
 */
export class DicomWebHttp {
  private readonly agent: http.Agent;
  private readonly base: URL;
  private readonly where: string;

  constructor(
    private readonly connection: DicomWebConnection,
    private readonly secret: string | null,
  ) {
    this.base = new URL(connection.url.replace(/\/+$/, ''));
    this.where = this.base.host;
    this.agent =
      this.base.protocol === 'https:'
        ? new https.Agent({
            keepAlive: true,
            ...(connection.caPem ? { ca: [...rootCertificates, connection.caPem] } : {}),
          })
        : new http.Agent({ keepAlive: true });
  }

  private authorization(): Record<string, string> {
    const c = this.connection;
    if (c.auth === 'basic')
      return {
        authorization: `Basic ${Buffer.from(`${c.user ?? ''}:${this.secret ?? ''}`).toString('base64')}`,
      };
    if (c.auth === 'bearer') return { authorization: `Bearer ${this.secret ?? ''}` };
    return {};
  }

  private open(path: string, r: HttpRequest): Promise<IncomingMessage> {
    const url = new URL(`${this.base.pathname}${path}`, this.base);
    const client = url.protocol === 'https:' ? https : http;
    const timeoutMs = this.connection.timeoutSeconds * 1000;
    return new Promise((resolve, reject) => {
      const req = client.request(url, {
        method: r.method ?? 'GET',
        agent: this.agent,
        headers: {
          accept: r.accept,
          ...this.authorization(),
          ...(r.contentType ? { 'content-type': r.contentType } : {}),
        },
        ...(r.signal ? { signal: r.signal } : {}),
      });
      req.setTimeout(timeoutMs, () => req.destroy(new TimeoutError('timed out')));
      req.once('error', reject);
      req.once('response', (res) => {
        // Silence while the body streams is a timeout too; errors surface through the body stream.
        res.socket?.setTimeout(timeoutMs, () => res.destroy(new TimeoutError('timed out')));
        resolve(res);
      });
      if (r.body) pipeline(r.body, req).catch((e: unknown) => req.destroy(e as Error));
      else req.end();
    });
  }

  async send(path: string, r: HttpRequest): Promise<HttpAnswer> {
    if (r.signal?.aborted) throw cancelled();
    let res: IncomingMessage;
    try {
      res = await this.open(path, r);
    } catch (e) {
      throw networkError(e, this.where, this.connection.timeoutSeconds, r.signal);
    }
    const status = res.statusCode ?? 0;
    const contentType = String(res.headers['content-type'] ?? '');
    if (status >= 300 && !r.allow?.includes(status)) {
      res.resume();
      throw httpStatusError(status, r.what);
    }
    return { status, contentType, body: res };
  }

  /** Reads a (small) JSON answer; 204 and an empty body are an empty list. */
  async json<T>(path: string, r: Omit<HttpRequest, 'accept'>): Promise<T[]> {
    const answer = await this.send(path, { ...r, accept: 'application/dicom+json', allow: [204] });
    let text: string;
    try {
      text = await readText(answer.body);
    } catch (e) {
      throw this.streamError(e, r.signal);
    }
    if (answer.status === 204 || !text.trim()) return [];
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed as T[];
    } catch {
      // handled below
    }
    throw archiveError(
      `The address at ${this.where} does not answer as a DICOMweb service (${r.what} returned no DICOM JSON). Check the base URL.`,
    );
  }

  /** For failures while a body streams (after the headers arrived). */
  streamError(e: unknown, signal?: AbortSignal) {
    return networkError(e, this.where, this.connection.timeoutSeconds, signal);
  }

  close(): Promise<void> {
    this.agent.destroy();
    return Promise.resolve();
  }
}
