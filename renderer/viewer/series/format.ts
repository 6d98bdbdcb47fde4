/** A study date as stored (ISO) or as in DICOM (YYYYMMDD), shown ISO. */
export function formatStudyDate(d: string | null): string | null {
  return d && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : d;
}
