import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CtGeometry,
  ctGeometry,
  ctSlicePlane,
  metalSegments,
  renderCtSlice,
} from '../../../shared/phantom/ct-volume.ts';
import type { PhantomScene } from '../../../shared/phantom/scene.ts';
import { commonAttributes, ds, studyContext } from './dicom-modules.ts';
import { encodeDicom, pixelBytes, writeQueue } from './dicom-file.ts';
import type { SeriesRecord } from './manifest.ts';
import { phantomUid } from './uids.ts';

export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

function ctDataset(
  seed: number,
  g: CtGeometry,
  index: number,
  seriesUid: string,
  frameOfReferenceUid: string,
  pixels: Uint16Array,
  description: string,
): Record<string, unknown> & { SOPClassUID: string; SOPInstanceUID: string } {
  const ctx = studyContext(seed, 'CT');
  const plane = ctSlicePlane(g, index);
  const z = plane.origin[2];
  const sop = phantomUid(seed, 'CT', 'image', index + 1);
  return {
    ...commonAttributes(ctx, CT_IMAGE_STORAGE, sop),
    ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
    Modality: 'CT',
    SeriesInstanceUID: seriesUid,
    SeriesNumber: 2,
    SeriesDescription: description,
    SeriesDate: ctx.date,
    SeriesTime: ctx.time,
    AcquisitionDate: ctx.date,
    AcquisitionTime: ctx.time,
    BodyPartExamined: 'LSPINE',
    ProtocolName: 'LUMBAR SPINE HARDWARE',
    PatientPosition: 'HFS',
    FrameOfReferenceUID: frameOfReferenceUid,
    PositionReferenceIndicator: '',
    InstanceNumber: index + 1,
    AcquisitionNumber: 1,
    ImagePositionPatient: [ds(plane.origin[0]), ds(plane.origin[1]), ds(z)],
    ImageOrientationPatient: ['1', '0', '0', '0', '1', '0'],
    PixelSpacing: [ds(g.pixelSpacing, 6), ds(g.pixelSpacing, 6)],
    SliceThickness: ds(g.sliceSpacing, 4),
    SpacingBetweenSlices: ds(g.sliceSpacing, 4),
    SliceLocation: ds(z),
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: g.matrix,
    Columns: g.matrix,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    RescaleIntercept: '-1024',
    RescaleSlope: '1',
    RescaleType: 'HU',
    WindowCenter: ['500', '40'],
    WindowWidth: ['2000', '400'],
    WindowCenterWidthExplanation: ['BONE', 'SOFT TISSUE'],
    KVP: '120',
    DataCollectionDiameter: '500',
    ReconstructionDiameter: ds(g.pixelSpacing * g.matrix, 2),
    DistanceSourceToDetector: '1085.6',
    DistanceSourceToPatient: '595',
    GantryDetectorTilt: '0',
    TableHeight: '160',
    RotationDirection: 'CW',
    ExposureTime: '1000',
    XRayTubeCurrent: 250,
    Exposure: 250,
    FilterType: 'BODY',
    GeneratorPower: 30,
    FocalSpots: ['1.2'],
    ConvolutionKernel: 'BONE',
    SingleCollimationWidth: 0.625,
    TotalCollimationWidth: 40,
    SpiralPitchFactor: 0.984,
    CTDIvol: 14.2,
    CTDIPhantomTypeCodeSequence: [
      { CodeValue: '113691', CodingSchemeDesignator: 'DCM', CodeMeaning: 'IEC Body Dosimetry Phantom' },
    ],
    PixelData: pixelBytes(pixels),
    _vrMap: { PixelData: 'OW' },
  };
}

/** Writes the axial bone-kernel CT series; returns its record for the manifest. */
export async function writeCtSeries(
  scene: PhantomScene,
  seed: number,
  dicomDir: string,
  slices: number,
  matrix: number,
  frameOfReferenceUid: string,
  onProgress?: (done: number, total: number) => void,
): Promise<SeriesRecord> {
  const g = ctGeometry(scene, slices, matrix);
  const folder = 'CT-S2-AX-BONE';
  const dir = join(dicomDir, folder);
  await mkdir(dir, { recursive: true });
  const seriesUid = phantomUid(seed, 'CT', 'series', 2);
  const description = `AX BONE ${ds(g.sliceSpacing, 3)}MM`;
  const metal = metalSegments(scene);
  const files: string[] = [];
  const queue = writeQueue();
  for (let i = 0; i < g.slices; i++) {
    const pixels = renderCtSlice(scene, g, i, seed, metal);
    const name = `IM${String(i + 1).padStart(5, '0')}.dcm`;
    await queue.add(
      join(dir, name),
      encodeDicom(ctDataset(seed, g, i, seriesUid, frameOfReferenceUid, pixels, description)),
    );
    files.push(`DICOM/${folder}/${name}`);
    onProgress?.(i + 1, g.slices);
  }
  await queue.drain();
  const ctx = studyContext(seed, 'CT');
  return {
    modality: 'CT',
    studyInstanceUid: ctx.studyUid,
    studyDescription: ctx.description,
    seriesInstanceUid: seriesUid,
    seriesNumber: 2,
    seriesDescription: description,
    folder: `DICOM/${folder}`,
    sopClassUid: CT_IMAGE_STORAGE,
    files,
  };
}
