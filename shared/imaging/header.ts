/** What the importer reads from one DICOM header: the index row of an instance and its parents. */
export interface InstanceHeader {
  patient: {
    id: string;
    issuer: string | null;
    name: string | null;
    birthDate: string | null;
    sex: string | null;
  };
  study: {
    uid: string;
    date: string | null;
    time: string | null;
    description: string | null;
    accession: string | null;
    referringPhysician: string | null;
    studyId: string | null;
  };
  series: {
    uid: string;
    modality: string | null;
    number: number | null;
    description: string | null;
    bodyPart: string | null;
    protocol: string | null;
    frameOfReferenceUid: string | null;
  };
  instance: {
    sopClassUid: string;
    sopInstanceUid: string;
    number: number | null;
    transferSyntax: string;
    rows: number | null;
    columns: number | null;
    frames: number;
    bitsAllocated: number | null;
    bitsStored: number | null;
    pixelRepresentation: number | null;
    photometric: string | null;
    pixelSpacing: number[] | null;
    imagerPixelSpacing: number[] | null;
    sliceThickness: number | null;
    imagePosition: number[] | null;
    imageOrientation: number[] | null;
    windowCenter: number[] | null;
    windowWidth: number[] | null;
    rescaleSlope: number | null;
    rescaleIntercept: number | null;
    viewPosition: string | null;
    hasPixelData: boolean;
  };
}

export type Plane = 'axial' | 'sagittal' | 'coronal' | 'oblique' | 'projection';

/**
 * The plane a series was acquired in, from ImageOrientationPatient: the slice normal's dominant
 * patient axis (x → sagittal, y → coronal, z → axial); oblique when no axis dominates (cos < 0.8,
 * i.e. tilted more than ~37°). Projection radiographs have no orientation.
 */
export function planeOf(orientation: number[] | null, modality: string | null): Plane | null {
  if (!orientation || orientation.length !== 6) {
    return modality && ['CR', 'DX', 'RF', 'XA', 'MG', 'PX', 'IO'].includes(modality) ? 'projection' : null;
  }
  const [rx = 0, ry = 0, rz = 0, cx = 0, cy = 0, cz = 0] = orientation;
  const n = [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx].map(Math.abs);
  const [x = 0, y = 0, z = 0] = n;
  const max = Math.max(x, y, z);
  if (max < 0.8) return 'oblique';
  return max === x ? 'sagittal' : max === y ? 'coronal' : 'axial';
}
