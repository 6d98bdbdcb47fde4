import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BadRequest } from './request-guard.ts';

/** Cookie names are per port: cookies ignore ports, and two hosts may run side by side. */
export const cookieName = (port: number): string => `scr_token_${port}`;

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The cookie's value, or null when absent; a value that is not valid percent-encoding is a BadRequest. */
export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        throw new BadRequest('Malformed cookie.');
      }
    }
  }
  return null;
}

/**
 * Only loopback names are accepted in the Host header: a page on an attacker's domain that
 * resolves to 127.0.0.1 (DNS rebinding) sends its own name and is refused.
 */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader.toLowerCase());
}

/** A cross-origin page (another local port is still "same-site") must not drive the API. */
export function isOwnOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(
    originHeader.toLowerCase(),
  );
}
