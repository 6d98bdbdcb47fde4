/** Stable DOM ids from field ids, so "missing" items and flags can jump to a field. */
export const fieldDomId = (fieldId: string, ...parts: (string | number)[]): string =>
  ['ev', fieldId, ...parts.map(String)].join('-').replace(/[^A-Za-z0-9_-]/g, '_');

export const fieldBlockId = (fieldId: string): string => `${fieldDomId(fieldId)}-block`;
