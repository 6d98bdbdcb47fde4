import type { InstanceHeader } from '../../../shared/imaging/header.ts';
import type { CheckOutcome } from './check-one.ts';

/** One file to read: from disk by path, or bytes already in memory (a zip entry). */
export interface ReadTask {
  id: number;
  path: string;
  bytes?: Uint8Array;
}

export type ReadOutcome =
  | {
      kind: 'instance';
      header: InstanceHeader;
      decodable: boolean;
      warnings: string[];
      sha256: string;
      size: number;
      relativePath: string;
      /** Durable temp copy awaiting its move into the store; null when already stored. */
      tmpPath: string | null;
    }
  | { kind: 'dicomdir'; referencedFiles: string[][] }
  /** A zip archive: the main thread streams its entries to the workers. */
  | { kind: 'zip' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string };

export type ReadResult = ReadOutcome & { id: number; path: string };

/** A thumbnail of one frame of a stored file, made in a worker under the same limits as a read. */
export interface ThumbnailTask {
  id: number;
  path: string;
  thumbnail: { frame: number; size: number };
}

export type ThumbnailResult = (
  { kind: 'thumbnail'; png: Uint8Array } | { kind: 'failed'; reason: string }
) & {
  id: number;
  path: string;
};

/** Header read and first-frame decode of in-memory bytes, storing nothing (robustness checks). */
export interface CheckTask {
  id: number;
  path: string;
  bytes: Uint8Array;
  check: true;
}

export type CheckResult = (CheckOutcome | { kind: 'failed'; reason: string }) & { id: number; path: string };

export type WorkerTask = ReadTask | ThumbnailTask | CheckTask;
export type WorkerResult = ReadResult | ThumbnailResult | CheckResult;
