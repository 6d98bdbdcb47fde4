import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Asset } from '../assets/asset-routes.ts';
import type { StoreLayout } from '../store/layout.ts';
import { exportsDir } from './write-bundle-file.ts';

/**
 * `bundles/<uuid>.scrcase`: a bundle made in the app, offered for download (the browser cannot
 * be handed a path). The name is an unguessable id returned only to the user who made it.
 */
export function bundleDownload(store: StoreLayout, pathname: string): Asset | null {
  const m = /^\/bundles\/([0-9a-f-]{36})\.scrcase$/.exec(pathname);
  if (!m) return null;
  const path = join(exportsDir(dirname(store.root)), `${m[1]}.scrcase`);
  try {
    return { kind: 'file', path, size: statSync(path).size, contentType: 'application/octet-stream' };
  } catch {
    return { kind: 'error', status: 404, message: 'No such bundle.' };
  }
}
