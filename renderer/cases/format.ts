const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** DICOM-style names (FAMILY^GIVEN) read naturally: "FAMILY, Given". */
export function formatPersonName(name: string | null): string {
  if (!name) return '';
  const [family = '', given = ''] = name.split('^');
  return given ? `${family}, ${given}` : family;
}
