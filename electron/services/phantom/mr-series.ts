import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { metalSegments } from '../../../shared/phantom/ct-volume.ts';
import { type MrSeriesSpec, mrSeriesSpecs, renderMrSlice } from '../../../shared/phantom/mr-images.ts';
import type { PhantomScene } from '../../../shared/phantom/scene.ts';
import { cross, dot } from '../../../shared/phantom/vec3.ts';
import { commonAttributes, ds, studyContext } from './dicom-modules.ts';
import { encodeDicom, pixelBytes, writeQueue } from './dicom-file.ts';
import type { SeriesRecord } from './manifest.ts';
import { phantomUid } from './uids.ts';

export const MR_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.4';

function mrDataset(
  seed: number,
  spec: MrSeriesSpec,
  seriesNumber: number,
  index: number,
  frameOfReferenceUid: string,
  pixels: Uint16Array,
): Record<string, unknown> & { SOPClassUID: string; SOPInstanceUID: string } {
  const ctx = studyContext(seed, 'MR');
  const plane = spec.planes[index];
  if (!plane) throw new Error(`No slice ${index}`);
  const normal = cross(plane.rowDir, plane.colDir);
  const sop = phantomUid(seed, 'MR', 'image', seriesNumber, index + 1);
  const n = plane.columns;
  return {
    ...commonAttributes(ctx, MR_IMAGE_STORAGE, sop),
    ImageType: ['ORIGINAL', 'PRIMARY', 'OTHER'],
    Modality: 'MR',
    SeriesInstanceUID: phantomUid(seed, 'MR', 'series', seriesNumber),
    SeriesNumber: seriesNumber,
    SeriesDescription: spec.description,
    SeriesDate: ctx.date,
    SeriesTime: ctx.time,
    AcquisitionDate: ctx.date,
    AcquisitionTime: ctx.time,
    BodyPartExamined: 'LSPINE',
    ProtocolName: `L-SPINE ${spec.description}`,
    PatientPosition: 'HFS',
    FrameOfReferenceUID: frameOfReferenceUid,
    PositionReferenceIndicator: '',
    InstanceNumber: index + 1,
    AcquisitionNumber: 1,
    ImagePositionPatient: plane.origin.map((v) => ds(v)),
    ImageOrientationPatient: [...plane.rowDir, ...plane.colDir].map((v) => ds(v, 6)),
    PixelSpacing: [ds(plane.rowSpacing, 6), ds(plane.columnSpacing, 6)],
    SliceThickness: ds(spec.thickness, 2),
    SpacingBetweenSlices: ds(spec.spacing, 2),
    SliceLocation: ds(dot(plane.origin, normal)),
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: plane.rows,
    Columns: n,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    WindowCenter: ['700'],
    WindowWidth: ['1500'],
    ScanningSequence: ['SE'],
    SequenceVariant: ['SK', 'OSP'],
    ScanOptions: ['PFP'],
    MRAcquisitionType: '2D',
    SequenceName: `*tse2d1_${spec.echoTrainLength}`,
    AngioFlag: 'N',
    RepetitionTime: ds(spec.repetitionTime, 1),
    EchoTime: ds(spec.echoTime, 1),
    EchoTrainLength: spec.echoTrainLength,
    NumberOfAverages: '2',
    ImagingFrequency: '63.676',
    ImagedNucleus: '1H',
    EchoNumbers: ['1'],
    MagneticFieldStrength: '1.5',
    NumberOfPhaseEncodingSteps: Math.round(n * 0.8),
    PercentSampling: '80',
    PercentPhaseFieldOfView: '100',
    PixelBandwidth: '190',
    ReceiveCoilName: 'SPINE',
    TransmitCoilName: 'BODY',
    AcquisitionMatrix: [0, n, Math.round(n * 0.8), 0],
    InPlanePhaseEncodingDirection: spec.phaseDirection,
    FlipAngle: ds(spec.flipAngle, 0),
    VariableFlipAngleFlag: 'N',
    SAR: '1.2',
    dBdt: '0',
    PixelData: pixelBytes(pixels),
    _vrMap: { PixelData: 'OW' },
  };
}

const FOLDERS: Record<MrSeriesSpec['key'], string> = { sagT2: 'MR-S1-SAG-T2', axT2: 'MR-S2-AX-T2' };

/** SAG T2 TSE and AX T2 TSE through L3–L4, sharing the CT's frame of reference. */
export async function writeMrSeries(
  scene: PhantomScene,
  seed: number,
  dicomDir: string,
  frameOfReferenceUid: string,
): Promise<SeriesRecord[]> {
  const ctx = studyContext(seed, 'MR');
  const metal = metalSegments(scene);
  const out: SeriesRecord[] = [];
  const queue = writeQueue();
  for (const [k, spec] of mrSeriesSpecs(scene).entries()) {
    const seriesNumber = k + 1;
    const folder = FOLDERS[spec.key];
    await mkdir(join(dicomDir, folder), { recursive: true });
    const files: string[] = [];
    for (let i = 0; i < spec.planes.length; i++) {
      const name = `IM${String(i + 1).padStart(5, '0')}.dcm`;
      const pixels = renderMrSlice(scene, spec, i, seed, metal);
      await queue.add(
        join(dicomDir, folder, name),
        encodeDicom(mrDataset(seed, spec, seriesNumber, i, frameOfReferenceUid, pixels)),
      );
      files.push(`DICOM/${folder}/${name}`);
    }
    out.push({
      modality: 'MR',
      studyInstanceUid: ctx.studyUid,
      studyDescription: ctx.description,
      seriesInstanceUid: phantomUid(seed, 'MR', 'series', seriesNumber),
      seriesNumber,
      seriesDescription: spec.description,
      folder: `DICOM/${folder}`,
      sopClassUid: MR_IMAGE_STORAGE,
      files,
    });
  }
  await queue.drain();
  return out;
}
