import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import type { AppInfo, MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods.ts';
import type { Result } from '../../shared/contract/result.ts';
import { join } from 'node:path';
import { closeUpTree, databasePath, ensureDataDir } from '../services/data-dir.ts';
import { ImportService } from '../services/import/import-service.ts';
import { UploadStaging } from '../services/import/upload-staging.ts';
import { PacsService } from '../services/pacs/pacs-service.ts';
import type { SecretStore } from '../services/pacs/secret-store.ts';
import { FileSecretStore } from '../services/pacs/secret-store.ts';
import { defaultSendSources } from '../services/pacs/send-sources.ts';
import { storeLayout } from '../services/store/layout.ts';
import { APP_VERSION } from '../services/version.ts';
import type { BackendContext, Caller } from './context.ts';
import { SourceGrants } from '../services/import/source-grants.ts';
import { Thumbnailer } from '../services/assets/thumbnails.ts';
import type { Logger } from './dispatch.ts';
import { dispatch } from './dispatch.ts';

export interface Backend {
  ctx: BackendContext;
  /** For transports: anything may arrive, and is validated; `caller` names the transport. */
  callRaw: (
    method: string,
    input: unknown,
    caller: Exclude<Caller, 'in-process'>,
  ) => Promise<Result<unknown>>;
  /** For in-process callers (CLI, tests): typed by the contract. */
  call: <K extends MethodName>(method: K, input: MethodInput<K>) => Promise<Result<MethodOutput<K>>>;
  /** Resolves once start-up recovery (interrupted imports, store sweep, data folder closed up) is done. */
  ready: Promise<void>;
  close: () => Promise<void>;
}

export interface BackendOptions {
  dataDir: string;
  host: AppInfo['host'];
  nativeBinding?: string;
  /** The bundled import worker script; without it imports are refused. */
  importWorker?: string;
  log?: Logger;
  now?: () => string;
  /** Archive passwords; default: an owner-only file in the data folder (Electron passes safeStorage). */
  secrets?: SecretStore;
}

/** Opens the data folder's database and binds the dispatcher to it: the same for every host. */
export function createBackend(options: BackendOptions): Backend {
  const dataDir = ensureDataDir(options.dataDir);
  const db: Database = openDatabase(databasePath(dataDir), {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const now = options.now ?? (() => new Date().toISOString());
  const store = storeLayout(dataDir);
  const imports = new ImportService(db, store, options.importWorker ?? null, now);
  const ctx: BackendContext = {
    db,
    now,
    info: { version: APP_VERSION, host: options.host, dataDir },
    imports,
    store,
    uploads: new UploadStaging(join(dataDir, 'incoming')),
    sources: new SourceGrants(),
    thumbnails: new Thumbnailer(db, store, options.importWorker ?? null),
    caller: 'in-process',
    pacs: new PacsService(dataDir, options.secrets ?? new FileSecretStore(dataDir)),
    sendSources: defaultSendSources,
  };
  const recovered = imports.recover().then(
    (r) => {
      if (r.orphansRemoved || r.tempFilesRemoved)
        options.log?.(
          `store sweep: ${r.orphansRemoved} orphan and ${r.tempFilesRemoved} temporary files removed`,
        );
    },
    (e: unknown) => options.log?.(`store sweep failed: ${e instanceof Error ? e.message : String(e)}`),
  );
  // Everything under the data folder back to owner-only, in the background (a large store is slow to walk).
  const closedUp = closeUpTree(dataDir).catch((e: unknown) =>
    options.log?.(`closing up the data folder failed (${(e as NodeJS.ErrnoException).code ?? 'error'})`),
  );
  const ready = Promise.all([recovered, closedUp]).then(() => undefined);
  return {
    ctx,
    callRaw: (method, input, caller) => dispatch({ ...ctx, caller }, method, input, options.log),
    call: (method, input) =>
      dispatch(ctx, method, input, options.log) as Promise<Result<MethodOutput<typeof method>>>,
    ready,
    close: async () => {
      await ready;
      await ctx.pacs.close();
      await imports.close();
      ctx.uploads.close();
      await ctx.thumbnails.close();
      db.close();
    },
  };
}
