import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('closes up a whole pre-existing 0755/0644 tree several levels deep, even under a 0700 folder', async () => {
    const dir = tempDir();
    const data = join(dir.path, 'data');
    const outside = join(dir.path, 'outside.txt');
    writeFileSync(outside, 'not ours');
    chmodSync(outside, 0o644); // explicit: an earlier start in this process set umask 077
    const files = [
      'case-review.sqlite-wal',
      'store/objects/ab/ab12cd.dcm',
      'store/objects/ff/ff34ee.dcm',
      'thumbnails/7/3/frame-0.png',
      'exports/case-12/report/attachments/key-image-1.png',
      'exports/case-12/report/summary.pdf',
      'settings/archives/secrets.json',
    ];
    for (const f of files) {
      const path = join(data, f);
      mkdirSync(join(path, '..'), { recursive: true, mode: 0o755 });
      writeFileSync(path, 'x', { mode: 0o644 });
      chmodSync(path, 0o644);
    }
    for (const d of readdirSync(data, { recursive: true, withFileTypes: true }))
      if (d.isDirectory()) chmodSync(join(d.parentPath, d.name), 0o755);
    symlinkSync(outside, join(data, 'exports', 'link-to-outside'));
    // The folder itself is already private: what is inside must be closed up all the same.
    chmodSync(data, 0o700);
    const b = tempBackendAt(data);
    await b.ready;
    const found = modes(data);
    expect(Object.keys(found)).toEqual(expect.arrayContaining(files));
    for (const [path, mode] of Object.entries(found)) {
      if (lstatSync(join(data, path)).isSymbolicLink()) continue;
      expect(mode, path).toBe(statSync(join(data, path)).isDirectory() ? '700' : '600');
    }
    // A link's target lies outside the data folder: not ours to change.
    expect((statSync(outside).mode & 0o777).toString(8)).toBe('644');
    await b.close();
    dir.dispose();
  });
});
