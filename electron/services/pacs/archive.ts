import type { ArchiveSeries, ArchiveStudy, StudyQuery } from '../../../shared/contract/pacs-schemas.ts';

/** One instance the archive holds, as its image-level query answers. */
export interface InstanceRef {
  studyUid: string;
  seriesUid: string;
  sopInstanceUid: string;
}

/** Receives one retrieved instance's Part 10 bytes as they arrive. */
export interface InstanceWriter {
  write(chunk: Buffer): Promise<void>;
  /** The instance arrived complete. */
  commit(): Promise<void>;
  /** The instance is incomplete or refused: remove what was written. */
  discard(): Promise<void>;
}

export interface InstanceSink {
  open(): Promise<InstanceWriter>;
}

/** What to fetch: a whole series, or some of its instances (resuming). */
export interface RetrieveTarget {
  studyUid: string;
  seriesUid: string;
  /** Only these instances; the whole series when absent. */
  sopInstanceUids?: readonly string[];
}

export interface StoreOutcome {
  sopInstanceUid: string;
  /** Null when the archive accepted it; otherwise the archive's reason in words. */
  failure: string | null;
}

/**
 * A hospital archive, whatever protocol reaches it (DICOMweb or DIMSE). Every call honours its
 * abort signal and fails with an AppError whose message the user can act on.
 */
export interface Archive {
  /** A cheap round trip (C-ECHO, a one-result QIDO); resolves with a plain sentence. */
  test(signal?: AbortSignal): Promise<string>;
  searchStudies(query: StudyQuery, limit: number, signal?: AbortSignal): Promise<ArchiveStudy[]>;
  seriesOf(studyUid: string, signal?: AbortSignal): Promise<ArchiveSeries[]>;
  instancesOf(studyUid: string, seriesUid: string, signal?: AbortSignal): Promise<InstanceRef[]>;
  /** Streams each instance to the sink; rejects (after discarding the partial one) on failure. */
  retrieve(target: RetrieveTarget, sink: InstanceSink, signal?: AbortSignal): Promise<void>;
  /** Sends Part 10 files (STOW-RS or C-STORE). */
  store(files: readonly Uint8Array[], signal?: AbortSignal): Promise<StoreOutcome[]>;
  close(): Promise<void>;
}
