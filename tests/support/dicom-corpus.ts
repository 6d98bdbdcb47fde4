import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolsMissing } from './reference-tools.ts';

export const PYDICOM_DATA = '/usr/lib/python3/dist-packages/pydicom/data';
export const PYDICOM_TEST_FILES = join(PYDICOM_DATA, 'test_files');
export const PYDICOM_CHARSET_FILES = join(PYDICOM_DATA, 'charset_files');
/** Why the corpus cannot be used (null when it can); under CI=true a missing corpus throws. */
export const pydicomCorpusMissing = toolsMissing(['pydicom-corpus']);
export const hasPydicomCorpus = pydicomCorpusMissing === null;
export const SYSTEM_PYTHON = '/usr/bin/python3';

/**
 * Makes `count` distinct instances of one real file by rewriting its UIDs in place (same length,
 * so every element length stays valid): a series of `count` slices for volume and crash tests.
 */
export function cloneSeries(source: string, outDir: string, count: number, tag: string): string[] {
  const bytes = readFileSync(source);
  const text = bytes.toString('latin1');
  const uids = [...new Set(text.match(/\d+(?:\.\d+){4,}/g) ?? [])].filter(
    (u) => !u.startsWith('1.2.840.10008') && u.length > 20,
  );
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    let out = text;
    for (const [k, uid] of uids.entries()) {
      // Series/study UIDs shared by every clone; instance UIDs unique per clone.
      const suffix = k === 0 ? `${tag}${String(i).padStart(5, '0')}` : tag;
      out = out.split(uid).join(uid.slice(0, uid.length - suffix.length) + suffix);
    }
    const file = join(outDir, `IM${String(i).padStart(5, '0')}`);
    writeFileSync(file, Buffer.from(out, 'latin1'));
    files.push(file);
  }
  return files;
}

export function copyInto(files: string[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(f, join(dir, f.split('/').pop()!));
}
