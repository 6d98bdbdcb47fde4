/** Reading the DICOM JSON model (PS3.18 F.2) that QIDO-RS and STOW-RS answer with. */

export type DicomJson = Record<string, { vr?: string; Value?: unknown[] } | undefined>;

export function jsonString(ds: DicomJson, tag: string): string {
  const v = ds[tag]?.Value?.[0];
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return (v as { Alphabetic?: string }).Alphabetic ?? '';
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

export function jsonStrings(ds: DicomJson, tag: string): string[] {
  return (ds[tag]?.Value ?? []).map(String).filter(Boolean);
}

export function jsonNumber(ds: DicomJson, tag: string): number | null {
  const v = ds[tag]?.Value?.[0];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

export function jsonSequence(ds: DicomJson, tag: string): DicomJson[] {
  return (ds[tag]?.Value ?? []) as DicomJson[];
}
