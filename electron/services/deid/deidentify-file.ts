import type { DcmDataset } from './dcmjs-io.ts';
import { DEFLATED_TS, EXPLICIT_LE_TS, readPart10, textOf, writePart10 } from './dcmjs-io.ts';
import { burnedInFromDataset } from './burned-in.ts';
import type { DeidContext } from './deidentify-dataset.ts';
import { deidentifyDataset } from './deidentify-dataset.ts';

/** This application as the writer of de-identified files (PS3.10 7.1 file meta). */
export const DEID_IMPLEMENTATION_CLASS_UID = '2.25.208641792839361432705129853446817420417';
export const DEID_IMPLEMENTATION_VERSION = 'SCR_DEID_1';

export interface DeidentifiedFile {
  bytes: Uint8Array;
  originalSopInstanceUid: string;
  sopInstanceUid: string;
  burnedIn: string | null;
}

const el = (vr: string, value: unknown): { vr: string; Value: unknown[] } => ({ vr, Value: [value] });

/**
 * One Part 10 file de-identified: the dataset through the profile, the file meta rebuilt (only the
 * encoding, the SOP class and the new instance UID survive; source AE titles and private meta go).
 * Deflated files are written explicit VR little endian (dcmjs does not write deflate).
 */
export function deidentifyFile(bytes: Uint8Array, ctx: DeidContext): DeidentifiedFile {
  const { meta, dict } = readPart10(bytes);
  const originalSopInstanceUid = textOf(dict['00080018'])?.trim() ?? textOf(meta['00020003'])?.trim() ?? '';
  if (!originalSopInstanceUid) throw new Error('The file has no SOP Instance UID.');
  const burnedIn = burnedInFromDataset(dict);
  const out = deidentifyDataset(dict, ctx);
  const sopInstanceUid = textOf(out['00080018']) ?? ctx.uids.replace(originalSopInstanceUid);
  const sourceTs = textOf(meta['00020010'])?.trim() ?? EXPLICIT_LE_TS;
  const newMeta: DcmDataset = {
    '00020001': { vr: 'OB', Value: [new Uint8Array([0, 1]).buffer] },
    '00020002': el('UI', textOf(meta['00020002']) ?? textOf(dict['00080016']) ?? ''),
    '00020003': el('UI', sopInstanceUid),
    '00020010': el('UI', sourceTs === DEFLATED_TS ? EXPLICIT_LE_TS : sourceTs),
    '00020012': el('UI', DEID_IMPLEMENTATION_CLASS_UID),
    '00020013': el('SH', DEID_IMPLEMENTATION_VERSION),
  };
  return { bytes: writePart10(newMeta, out), originalSopInstanceUid, sopInstanceUid, burnedIn };
}
