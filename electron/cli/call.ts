import type { Backend } from '../backend/create-backend.ts';
import type { MethodName, MethodInput, MethodOutput } from '../../shared/contract/methods.ts';
import { UsageError } from './command.ts';

/** Calls the backend exactly as a window would, and turns a refusal into a one-line CLI error. */
export async function call<K extends MethodName>(
  backend: Backend | null,
  method: K,
  input: MethodInput<K>,
): Promise<MethodOutput<K>> {
  if (!backend) throw new Error(`${method} needs the database`);
  const result = await backend.call(method, input);
  if (!result.ok) {
    const error = new UsageError(result.error.message);
    if (result.error.code === 'INTERNAL') error.name = 'InternalError';
    throw error;
  }
  return result.value;
}
