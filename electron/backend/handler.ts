import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract/methods.ts';
import type { BackendContext } from './context.ts';

export type Handler<K extends MethodName> = (
  ctx: BackendContext,
  input: ParsedInput<K>,
) => MethodOutput<K> | Promise<MethodOutput<K>>;

export type HandlerMap = { [K in MethodName]: Handler<K> };
