/** Every backend answer crosses the process boundary as a Result: never a thrown error. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** The MRN's patient on record has other details than those given: keep them or replace them. */
  | 'PATIENT_DETAILS_DIFFER'
  | 'NO_CURRENT_USER'
  | 'READ_ONLY'
  /** The browser host imports uploads only; the desktop app only what its own dialog or a drop granted. */
  | 'FORBIDDEN'
  /** An IPC message from anything but the app's own window. */
  | 'FOREIGN_SENDER'
  | 'UNKNOWN_METHOD'
  /** The hospital archive refused, failed or could not be reached (message says which). */
  | 'ARCHIVE'
  | 'CANCELLED'
  | 'INTERNAL';

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Thrown inside the backend; converted to `{ ok: false, error }` at the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
