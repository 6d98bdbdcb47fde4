import type { HangingProtocol } from './hanging-protocol.ts';
import type { ViewState } from './view-state.ts';
import type { WindowPreset } from '../dicom/pixel-module.ts';

/** A series of a case as the viewer lists it (series browser, hanging protocols, overlays). */
export interface ViewerSeries {
  seriesId: number;
  studyId: number;
  studyDate: string | null;
  studyDescription: string | null;
  /** The images' patient (from their headers), for the overlay. */
  patient: { name: string | null; mrn: string; birthDate: string | null; sex: string | null };
  modality: string | null;
  seriesNumber: number | null;
  description: string | null;
  bodyPart: string | null;
  plane: string | null;
  viewPosition: string | null;
  frameOfReferenceUid: string | null;
  imageCount: number;
  frameCount: number;
  notDisplayable: number;
  /** Parallel slices of one size and spacing: sagittal/coronal (or axial) reformats can be built. */
  volumetric: boolean;
}

export interface ViewerCase {
  caseId: number;
  title: string;
  archived: boolean;
  patient: { name: string | null; mrn: string; birthDate: string | null; sex: string | null } | null;
  series: ViewerSeries[];
}

/** One instance of a series with the geometry the viewer needs before loading pixels. */
export interface InstanceGeometry {
  instanceId: number;
  instanceNumber: number | null;
  frames: number;
  rows: number | null;
  columns: number | null;
  imagePosition: number[] | null;
  imageOrientation: number[] | null;
  pixelSpacing: number[] | null;
  imagerPixelSpacing: number[] | null;
  sliceThickness: number | null;
  windows: WindowPreset[];
  rescaleSlope: number | null;
  rescaleIntercept: number | null;
  photometric: string | null;
  transferSyntax: string;
  viewPosition: string | null;
  decodable: boolean;
}

export interface SeriesGeometry {
  seriesId: number;
  modality: string | null;
  frameOfReferenceUid: string | null;
  instances: InstanceGeometry[];
}

export interface SavedLayout {
  id: number;
  name: string;
  protocol: HangingProtocol;
  isDefault: boolean;
  updatedAt: string;
}

export interface KeyImage {
  id: number;
  caseId: number;
  seriesId: number;
  /** Null for a reformat (no stored instance shows it). */
  instanceId: number | null;
  frame: number;
  view: ViewState;
  caption: string;
  position: number;
  hasPng: boolean;
  seriesDescription: string | null;
  modality: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
