import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../../shared/contract/methods.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { User } from '../../shared/domain/user.ts';
import { getSetting } from '../../db/settings.ts';
import { findUser } from '../../db/users.ts';
import type { ImportService } from '../services/import/import-service.ts';
import type { Thumbnailer } from '../services/assets/thumbnails.ts';
import type { SourceGrants } from '../services/import/source-grants.ts';
import type { UploadStaging } from '../services/import/upload-staging.ts';
import type { StoreLayout } from '../services/store/layout.ts';
import type { PacsService } from '../services/pacs/pacs-service.ts';
import type { SendSources } from '../services/pacs/send-sources.ts';

/** What every handler may use: the database, the clock, and facts about the running host. */
export interface BackendContext {
  db: Database;
  now: () => string;
  info: AppInfo;
  imports: ImportService;
  store: StoreLayout;
  uploads: UploadStaging;
  thumbnails: Thumbnailer;
  /** Paths the desktop app's own dialog or a drop granted, swapped for handles. */
  sources: SourceGrants;
  /** Who is calling: a transport from a renderer ('http', 'ipc') or this process (CLI, tests, the demo). */
  caller: Caller;
  pacs: PacsService;
  /** What pacs.send sends for the SR and the report (services/pacs/send-sources.ts). */
  sendSources: SendSources;
  /** The CLI acts as a named user without changing who is signed in to the app. */
  actingUserId?: number;
}

export type Caller = 'in-process' | 'http' | 'ipc';

export const CURRENT_USER_KEY = 'current_user_id';

export function currentUser(ctx: BackendContext): User | null {
  const id = ctx.actingUserId ?? getSetting(ctx.db, CURRENT_USER_KEY);
  return id === null ? null : findUser(ctx.db, Number(id));
}

export function requireUser(ctx: BackendContext): User {
  const user = currentUser(ctx);
  if (!user) throw new AppError('NO_CURRENT_USER', 'Sign in with your name and discipline first.');
  return user;
}
