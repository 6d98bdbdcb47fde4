// The phantom generator's fingerprint: a hash of its sources and of dcmjs's version. The demo
// cache keys generated imaging by it, so a changed generator never serves stale files.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['shared/phantom', 'electron/services/phantom'];

export function phantomFingerprint(root = process.cwd()) {
  const hash = createHash('sha256');
  for (const dir of SOURCES) {
    const files = readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(file.slice(root.length)).update(readFileSync(file));
  }
  const dcmjs = JSON.parse(readFileSync(join(root, 'node_modules/dcmjs/package.json'), 'utf8'));
  hash.update(`dcmjs@${dcmjs.version}`);
  return hash.digest('hex').slice(0, 16);
}
