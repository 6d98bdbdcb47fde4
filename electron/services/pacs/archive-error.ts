import { AppError } from '../../../shared/contract/result.ts';

/** An archive problem the user can act on, in one plain sentence (never with patient data). */
export const archiveError = (message: string): AppError => new AppError('ARCHIVE', message);
export const cancelled = (): AppError => new AppError('CANCELLED', 'Cancelled.');

const TLS_CODES = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_TLS_CERT)/;

function codeOf(e: unknown): string {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return '';
}

/**
 * Turns a network failure into what the user can do about it: wrong host, nothing listening,
 * untrusted certificate, no answer in time. `where` is host:port (configuration, not patient data).
 */
export function networkError(
  e: unknown,
  where: string,
  timeoutSeconds: number,
  signal?: AbortSignal,
): AppError {
  if (e instanceof AppError) return e;
  if (signal?.aborted) return cancelled();
  const detail = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error';
  // dcmjs-dimse reports socket errors as text (" -> Connection error: connect ECONNREFUSED …").
  const code =
    codeOf(e) ||
    (/\b(E[A-Z]{4,}|ERR_[A-Z_]+)\b/.exec(detail)?.[1] ?? (/timeout/i.test(detail) ? 'ETIMEDOUT' : ''));
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return archiveError(`The archive's host in ${where} could not be found. Check the address.`);
  if (code === 'ECONNREFUSED')
    return archiveError(
      `Nothing answers at ${where}. Check the address and port, and that the archive runs.`,
    );
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET')
    return archiveError(`The archive at ${where} closed the connection.`);
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(detail))
    return archiveError(
      `The secure connection to ${where} failed (${code || detail}). If the hospital uses its own certificate authority, add its CA certificate in the archive settings.`,
    );
  if (/TIMEOUT/.test(code) || code === 'ETIMEDOUT')
    return archiveError(`The archive at ${where} did not answer within ${timeoutSeconds} s.`);
  return archiveError(`The archive at ${where} could not be reached (${code || detail}).`);
}

/** HTTP statuses of a DICOMweb service, in words. */
export function httpStatusError(status: number, what: string): AppError {
  if (status === 401)
    return archiveError(
      `The archive refused the login (HTTP 401) for ${what}. Check the user name and password or token.`,
    );
  if (status === 403)
    return archiveError(`The archive refused access (HTTP 403) for ${what}: this account may not do it.`);
  if (status === 404)
    return archiveError(
      `Nothing found at this address (HTTP 404) for ${what}. Check the DICOMweb base URL (it often ends in /dicom-web).`,
    );
  if (status === 406 || status === 415)
    return archiveError(`The archive cannot answer ${what} in a form this app reads (HTTP ${status}).`);
  if (status >= 500) return archiveError(`The archive failed while answering ${what} (HTTP ${status}).`);
  return archiveError(`The archive answered ${what} with HTTP ${status}.`);
}
