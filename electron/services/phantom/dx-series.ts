import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  RADIOGRAPHS,
  type RadiographSpec,
  lineIntegrals,
  processRadiograph,
  radiographGeometry,
} from '../../../shared/phantom/radiograph.ts';
import { phantomScene } from '../../../shared/phantom/scene.ts';
import { commonAttributes, ds, studyContext } from './dicom-modules.ts';
import { encodeDicom, pixelBytes, writeFileAtomic } from './dicom-file.ts';
import type { SeriesRecord } from './manifest.ts';
import { phantomUid } from './uids.ts';

/** Digital X-Ray Image Storage – For Presentation. */
export const DX_PRESENTATION_STORAGE = '1.2.840.10008.5.1.4.1.1.1.1';

const code = (value: string, meaning: string, scheme = 'SCT') => ({
  CodeValue: value,
  CodingSchemeDesignator: scheme,
  CodeMeaning: meaning,
});

/** SNOMED CT codes from DICOM CID 4010 (DX View) and CID 4009/4031 (anatomic regions). */
const VIEW_CODES = {
  LL: code('399173006', 'left lateral'),
  AP: code('399348003', 'antero-posterior'),
} as const;
const REGION = { full: code('421060004', 'Spine'), lumbar: code('122496007', 'Lumbar spine') } as const;

function dxDataset(
  seed: number,
  spec: RadiographSpec,
  seriesNumber: number,
  pixels: Uint16Array,
  columns: number,
  rows: number,
): Record<string, unknown> & { SOPClassUID: string; SOPInstanceUID: string } {
  const ctx = studyContext(seed, 'DX');
  const seriesUid = phantomUid(seed, 'DX', 'series', seriesNumber);
  const sop = phantomUid(seed, 'DX', 'image', seriesNumber);
  const fullLength = spec.sid > 1500;
  // Images are displayed as the film is read: laterals with the patient facing left (rows run
  // posteriorly, P\F), the AP with the patient's right on the viewer's left (L\F).
  const orientation = spec.view === 'LL' ? ['P', 'F'] : ['L', 'F'];
  return {
    ...commonAttributes(ctx, DX_PRESENTATION_STORAGE, sop),
    ImageType: ['ORIGINAL', 'PRIMARY'],
    Modality: 'DX',
    PresentationIntentType: 'FOR PRESENTATION',
    SeriesInstanceUID: seriesUid,
    SeriesNumber: seriesNumber,
    SeriesDescription: spec.description,
    SeriesDate: ctx.date,
    SeriesTime: ctx.time,
    AcquisitionDate: ctx.date,
    AcquisitionTime: ctx.time,
    BodyPartExamined: fullLength ? 'SPINE' : 'LSPINE',
    ProtocolName: spec.description,
    InstanceNumber: 1,
    AcquisitionNumber: seriesNumber,
    PatientOrientation: orientation,
    ImageLaterality: 'U',
    AnatomicRegionSequence: [fullLength ? REGION.full : REGION.lumbar],
    ViewPosition: spec.view,
    ViewCodeSequence: [{ ...VIEW_CODES[spec.view], ViewModifierCodeSequence: [] }],
    PatientOrientationCodeSequence: [code('10904000', 'orthostatic')],
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: rows,
    Columns: columns,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    PixelIntensityRelationship: 'LOG',
    PixelIntensityRelationshipSign: 1,
    RescaleIntercept: '0',
    RescaleSlope: '1',
    RescaleType: 'US',
    PresentationLUTShape: 'IDENTITY',
    LossyImageCompression: '00',
    CalibrationImage: 'NO',
    WindowCenter: ['2048'],
    WindowWidth: ['4096'],
    WindowCenterWidthExplanation: ['FULL RANGE'],
    AcquisitionDeviceProcessingDescription: 'SYNTHETIC DRR; LOG; EQUALIZATION; EDGE ENHANCEMENT',
    DetectorType: 'SCINTILLATOR',
    DetectorConfiguration: 'AREA',
    DetectorID: 'PHANTOM',
    // Imager Pixel Spacing is at the detector; Pixel Spacing is omitted because the image is not
    // calibrated to the patient (DX Detector module: Pixel Spacing is required only if calibrated).
    // The estimated magnification of the reference plane lets a viewer correct distances.
    ImagerPixelSpacing: [ds(spec.spacing), ds(spec.spacing)],
    FieldOfViewShape: 'RECTANGLE',
    FieldOfViewDimensions: [Math.round(spec.height), Math.round(spec.width)],
    DistanceSourceToDetector: ds(spec.sid, 1),
    DistanceSourceToPatient: ds(spec.sod, 1),
    EstimatedRadiographicMagnificationFactor: ds(spec.sid / spec.sod, 6),
    PositionerType: 'NONE',
    KVP: fullLength ? '90' : '85',
    XRayTubeCurrent: fullLength ? 320 : 400,
    ExposureTime: fullLength ? 125 : 80,
    Exposure: fullLength ? 40 : 32,
    Grid: ['FOCUSED'],
    AcquisitionContextSequence: [],
    PixelData: pixelBytes(pixels),
    _vrMap: { PixelData: 'OW' },
  };
}

const FOLDERS = ['DX-S1-LAT-STANDING', 'DX-S2-AP-STANDING', 'DX-S3-LAT-FLEXION', 'DX-S4-LAT-EXTENSION'];

/** Standing lateral and AP, flexion and extension laterals: one image per series. */
export async function writeDxSeries(seed: number, dicomDir: string): Promise<SeriesRecord[]> {
  const ctx = studyContext(seed, 'DX');
  const out: SeriesRecord[] = [];
  for (const [i, spec] of RADIOGRAPHS.entries()) {
    const g = radiographGeometry(spec);
    const pixels = processRadiograph(
      lineIntegrals(phantomScene(spec.posture), g),
      g.columns,
      g.rows,
      seed,
      spec.name,
    );
    const folder = FOLDERS[i] as string;
    await mkdir(join(dicomDir, folder), { recursive: true });
    const name = 'IM00001.dcm';
    await writeFileAtomic(
      join(dicomDir, folder, name),
      encodeDicom(dxDataset(seed, spec, i + 1, pixels, g.columns, g.rows)),
    );
    out.push({
      modality: 'DX',
      studyInstanceUid: ctx.studyUid,
      studyDescription: ctx.description,
      seriesInstanceUid: phantomUid(seed, 'DX', 'series', i + 1),
      seriesNumber: i + 1,
      seriesDescription: spec.description,
      folder: `DICOM/${folder}`,
      sopClassUid: DX_PRESENTATION_STORAGE,
      files: [`DICOM/${folder}/${name}`],
    });
  }
  return out;
}
