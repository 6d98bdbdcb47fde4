import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Set at build time from the generator's sources (scripts/phantom-fingerprint.mjs). */
declare const __SCR_PHANTOM_FINGERPRINT__: string | undefined;

/** The running build's generator fingerprint; null (no caching) where the build did not set one. */
export const builtPhantomFingerprint = (): string | null =>
  typeof __SCR_PHANTOM_FINGERPRINT__ === 'string' ? __SCR_PHANTOM_FINGERPRINT__ : null;

export interface PhantomKey {
  seed: number;
  ctSlices: number;
  ctMatrix: number;
  /** Identifies the generator's code: a changed phantom must never be served from an older cache. */
  fingerprint: string;
}

/** Generates into `outDir` (which does not exist yet), reporting progress as it goes. */
export type GenerateInto = (outDir: string) => Promise<void>;

const COMPLETE = 'complete.json';

export const phantomCacheName = (k: PhantomKey): string =>
  `phantom-${k.fingerprint}-seed${k.seed}-${k.ctSlices}x${k.ctMatrix}`;

/**
 * The demo imaging for a key, generated once and kept: same seed and size, same bytes, so a second
 * "Load demo case" imports the kept files at once. Generation writes to a private folder renamed
 * into place only when whole (a crash or a concurrent load never leaves a half cache that looks
 * done); entries of other keys (an older generator) are removed. Returns the entry's folder.
 */
export async function cachedPhantom(
  cacheDir: string,
  key: PhantomKey,
  generate: GenerateInto,
): Promise<string> {
  const name = phantomCacheName(key);
  const entry = join(cacheDir, name);
  if (await isComplete(entry)) return entry;
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  const building = join(cacheDir, `.${name}-${randomBytes(6).toString('hex')}`);
  try {
    await generate(building);
    await writeFile(join(building, COMPLETE), `${JSON.stringify(key)}\n`, { mode: 0o600 });
    await rename(building, entry).catch(async (e: NodeJS.ErrnoException) => {
      // Another load finished the same entry first: keep theirs.
      if (!(await isComplete(entry))) throw e;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  await pruneOthers(cacheDir, name);
  return entry;
}

async function isComplete(entry: string): Promise<boolean> {
  return readFile(join(entry, COMPLETE), 'utf8').then(
    () => true,
    () => false,
  );
}

/** Removes finished entries of other keys (half-built folders of a crashed load too, but not ours). */
async function pruneOthers(cacheDir: string, keep: string): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.startsWith('phantom-') && n !== keep)
      .map((n) => rm(join(cacheDir, n), { recursive: true, force: true })),
  );
}
