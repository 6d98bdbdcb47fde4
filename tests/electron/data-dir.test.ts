import { describe, expect, it } from 'vitest';
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
