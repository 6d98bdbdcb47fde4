import type { ParseArgsConfig } from 'node:util';
import type { Backend } from '../backend/create-backend.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CliIo {
  out: (text: string) => void;
  json: boolean;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Options;
  /** Commands that need no database (help, file inspection) leave this false. */
  needsBackend: boolean;
  /** Starts what the command will need (the import workers) while the backend opens; optional. */
  prepare?: (backend: Backend) => void;
  run: (args: { values: Values; positionals: string[]; backend: Backend | null; io: CliIo }) => Promise<void>;
}

/** Bad input on the command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const stringOption = (values: Values, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};
