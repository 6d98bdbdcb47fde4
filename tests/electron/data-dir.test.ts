import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOk, tempBackendAt, tempDir } from '../support/temp-backend.ts';
import { defaultDataDir } from '../../electron/services/data-dir.ts';

describe('data directory', () => {
  it('honours SCR_DATA_DIR first', () => {
    expect(defaultDataDir({ SCR_DATA_DIR: '/data/scr' }, 'linux', '/home/u')).toBe('/data/scr');
  });
  it('follows each platform’s convention', () => {
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.local/share/spine-case-review');
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/spine-case-review');
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/spine-case-review',
    );
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toContain(
      'spine-case-review',
    );
  });
});

describe('data at rest', () => {
  const modes = (dir: string): Record<string, string> =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => {
        const path = join(e.parentPath, e.name);
        return [path.slice(dir.length + 1), (statSync(path).mode & 0o777).toString(8)];
      }),
    );

  it('sets an existing open folder to 0700 and every file in it to 0600, at every start', async () => {
    const dir = tempDir();
    const data = join(dir.path, 'data');
    mkdirSync(join(data, 'thumbnails'), { recursive: true, mode: 0o755 });
    chmodSync(data, 0o755);
    writeFileSync(join(data, 'thumbnails', 'old.png'), 'png', { mode: 0o644 });
    const b = tempBackendAt(data);
    await b.ready;
    expect(expectOk(await b.call('session.signIn', { name: 'Dr. Rest', discipline: 'radiology' })).name).toBe(
      'Dr. Rest',
    );
    expect((statSync(data).mode & 0o777).toString(8)).toBe('700');
    const found = modes(data);
    expect(Object.keys(found)).toEqual(
      expect.arrayContaining([
        'case-review.sqlite',
        'case-review.sqlite-wal',
        'case-review.sqlite-shm',
        'thumbnails/old.png',
      ]),
    );
    for (const [path, mode] of Object.entries(found))
      expect(mode, path).toBe(statSync(join(data, path)).isDirectory() ? '700' : '600');
    await b.close();
    // A 0700 folder from an earlier version with a 0644 database: fixed at the next start.
    chmodSync(join(data, 'case-review.sqlite'), 0o644);
    const again = tempBackendAt(data);
    expect((statSync(join(data, 'case-review.sqlite')).mode & 0o777).toString(8)).toBe('600');
    await again.close();
    dir.dispose();
  });
});
