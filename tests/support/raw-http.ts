import { connect } from 'node:net';

export interface RawReply {
  /** The status of the first response, or null when the host closed the socket without one. */
  status: number | null;
  text: string;
}

/**
 * Writes `request` as raw bytes (anything, well-formed or not), half-closes, and resolves with what
 * came back once the host closes the connection. Never rejects: a reset counts as "closed".
 */
export function rawRequest(port: number, request: Uint8Array | string): Promise<RawReply> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end(request));
    socket.on('data', (c: Buffer) => chunks.push(c));
    const finish = (): void => {
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      done({ status: m ? Number(m[1]) : null, text });
    };
    socket.on('close', finish);
    socket.on('error', () => socket.destroy());
  });
}
