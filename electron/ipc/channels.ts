import type { MethodName } from '../../shared/contract/methods.ts';

/** The IPC channel of a contract method: derived, never listed by hand. */
export const ipcChannel = (method: MethodName): string => `scr:${method}`;
