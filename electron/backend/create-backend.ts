import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import type { AppInfo, MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods.ts';
import type { Result } from '../../shared/contract/result.ts';
import { databasePath, ensureDataDir } from '../services/data-dir.ts';
import { APP_VERSION } from '../services/version.ts';
import type { BackendContext } from './context.ts';
import type { Logger } from './dispatch.ts';
import { dispatch } from './dispatch.ts';

export interface Backend {
  ctx: BackendContext;
  /** For transports: anything may arrive, and is validated. */
  callRaw: (method: string, input: unknown) => Promise<Result<unknown>>;
  /** For in-process callers (CLI, tests): typed by the contract. */
  call: <K extends MethodName>(method: K, input: MethodInput<K>) => Promise<Result<MethodOutput<K>>>;
  close: () => void;
}

export interface BackendOptions {
  dataDir: string;
  host: AppInfo['host'];
  nativeBinding?: string;
  log?: Logger;
  now?: () => string;
}

/** Opens the data folder's database and binds the dispatcher to it: the same for every host. */
export function createBackend(options: BackendOptions): Backend {
  const dataDir = ensureDataDir(options.dataDir);
  const db: Database = openDatabase(databasePath(dataDir), {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const ctx: BackendContext = {
    db,
    now: options.now ?? (() => new Date().toISOString()),
    info: { version: APP_VERSION, host: options.host, dataDir },
  };
  return {
    ctx,
    callRaw: (method, input) => dispatch(ctx, method, input, options.log),
    call: (method, input) =>
      dispatch(ctx, method, input, options.log) as Promise<Result<MethodOutput<typeof method>>>,
    close: () => db.close(),
  };
}
