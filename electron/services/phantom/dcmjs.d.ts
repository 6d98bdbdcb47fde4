// Minimal types for the parts of dcmjs (no bundled types) that the phantom writer uses.
declare module 'dcmjs' {
  /** A dataset in dcmjs's "denaturalized" form: tag (8 hex digits) → { vr, Value }. */
  export type DenaturalizedDataset = Record<string, { vr: string; Value: unknown[] }>;

  export interface DicomDictInstance {
    dict: DenaturalizedDataset;
    write(options?: { allowInvalidVRLength?: boolean; fragmentMultiframe?: boolean }): ArrayBuffer;
  }

  export interface DcmjsData {
    DicomDict: new (meta: DenaturalizedDataset) => DicomDictInstance;
    DicomMetaDictionary: {
      denaturalizeDataset(dataset: Record<string, unknown>): DenaturalizedDataset;
    };
  }

  const dcmjs: { data: DcmjsData };
  // eslint-disable-next-line no-restricted-syntax -- mirrors the package's own default export
  export default dcmjs;
}
