import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SYSTEM_PYTHON } from './dicom-corpus.ts';

export interface ScannedElement {
  path: string;
  tag: string;
  vr: string;
  values: string[];
}

const SCRIPT = join(import.meta.dirname, 'dicom_elements.py');

/** Every element of each file as pydicom reads it (file meta, sequences, private groups). */
export function pydicomElements(files: string[]): Map<string, ScannedElement[]> {
  const out = execFileSync(SYSTEM_PYTHON, [SCRIPT, ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 ** 2,
  });
  const map = new Map<string, ScannedElement[]>();
  for (const line of out.split('\n').filter(Boolean)) {
    const { file, elements } = JSON.parse(line) as { file: string; elements: ScannedElement[] };
    map.set(file, elements);
  }
  return map;
}

const IDENTIFYING_TAGS = new Set([
  '00100010',
  '00100020',
  '00100030',
  '00101000',
  '00101001',
  '00080050',
  '00080080',
  '00080081',
  '00080090',
  '00081050',
  '00081060',
  '00081048',
  '00081070',
  '00081010',
  '00200010',
  '00321032',
]);

/**
 * What must not survive de-identification: names, IDs, birth date, accession, institution,
 * physicians and operators, every instance UID, and (unless dates are kept shifted) every date.
 */
export function identifyingValues(elements: ScannedElement[], datesRemoved: boolean): Set<string> {
  const found = new Set<string>();
  for (const e of elements) {
    const add = (v: string): void => {
      const t = v.trim();
      if (t.length >= 4) found.add(t);
    };
    if (IDENTIFYING_TAGS.has(e.tag) || e.vr === 'PN') e.values.forEach(add);
    if (e.vr === 'UI') e.values.filter((u) => !u.startsWith('1.2.840.10008.')).forEach(add);
    if (datesRemoved && (e.vr === 'DA' || e.vr === 'DT')) e.values.forEach(add);
    if (e.vr === 'PN')
      e.values
        .flatMap((v) => v.split(/[\^=]/))
        .forEach((p) => (p.trim().length >= 4 ? found.add(p.trim()) : 0));
  }
  // An institution or station named like the scanner's maker or model ("TOSHIBA" in MR_small, "PHANTOM" in the
  // phantom) names the device, which the profile keeps.
  const makers = elements
    .filter((e) => e.tag === '00080070' || e.tag === '00081090')
    .flatMap((e) => e.values.map((v) => v.toLowerCase()));
  for (const v of [...found]) if (makers.some((m) => m.includes(v.toLowerCase()))) found.delete(v);
  return found;
}

/** Whole words only: the name part "DEMO" is not in "demonstration". */
function wordPatterns(secrets: Set<string>): { s: string; re: RegExp }[] {
  return [...secrets].map((s) => ({
    s,
    re: new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu'),
  }));
}

/** The secrets that occur in `text` as whole words. */
export const secretsIn = (text: string, secrets: Set<string>): string[] =>
  wordPatterns(secrets)
    .filter((p) => p.re.test(text))
    .map((p) => p.s);

/** Code values and coding schemes come from controlled vocabularies ("TEST" in test-SR is not the patient "Test^S R"). */
const CODED = new Set(['00080100', '00080102']);

/** Elements of `elements` whose text contains one of `secrets` as a whole word (case-insensitive). */
export function leaks(elements: ScannedElement[], secrets: Set<string>): string[] {
  const patterns = wordPatterns(secrets);
  const hits: string[] = [];
  for (const e of elements)
    for (const v of CODED.has(e.tag) ? [] : e.values) {
      const secret = patterns.find((p) => p.re.test(v))?.s.toLowerCase();
      if (secret) hits.push(`${e.path}/${e.tag} ${e.vr} contains "${secret}"`);
    }
  return hits;
}
