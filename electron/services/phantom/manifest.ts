import type { PhantomGroundTruth } from '../../../shared/phantom/ground-truth.ts';
import type { PhantomModality } from './dicom-modules.ts';

/** One written series: where its files are (relative to the output folder) and how it is identified. */
export interface SeriesRecord {
  readonly modality: PhantomModality;
  readonly studyInstanceUid: string;
  readonly studyDescription: string;
  readonly seriesInstanceUid: string;
  readonly seriesNumber: number;
  readonly seriesDescription: string;
  readonly folder: string;
  readonly sopClassUid: string;
  readonly files: readonly string[];
}

/** What generatePhantom wrote: the output folder, every series, and the ground truth (also in ground-truth.json). */
export interface PhantomManifest {
  readonly outDir: string;
  readonly groundTruthFile: string;
  readonly series: readonly SeriesRecord[];
  readonly groundTruth: PhantomGroundTruth & { readonly series: readonly SeriesRecord[] };
  /** Wall-clock milliseconds per modality (not written to disk, so files stay reproducible). */
  readonly timingsMs: Readonly<Record<string, number>>;
}
