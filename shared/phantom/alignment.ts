/** The phantom's ground truth is computed with the same sagittal geometry the measurement tools use. */
export * from '../measurements/sagittal.ts';
