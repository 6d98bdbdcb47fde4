import type { Values } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

/** A positive whole number from --name, or a usage error naming the flag. */
export function idOption(values: Values, name: string, command: string): number {
  const raw = stringOption(values, name);
  if (raw === undefined) throw new UsageError(`${command} needs --${name} ID.`);
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || id < 1) throw new UsageError(`--${name} must be a positive whole number.`);
  return id;
}
