/** Coded concepts of the measurement report (DICOM PS3.16), and the app's local codes where none exists. */
export interface Code {
  CodeValue: string;
  CodingSchemeDesignator: string;
  CodeMeaning: string;
}

const code = (CodeValue: string, CodingSchemeDesignator: string, CodeMeaning: string): Code => ({
  CodeValue,
  CodingSchemeDesignator,
  CodeMeaning,
});

export const DCM = {
  report: code('126000', 'DCM', 'Imaging Measurement Report'),
  language: code('121049', 'DCM', 'Language of Content Item and Descendants'),
  observerType: code('121005', 'DCM', 'Observer Type'),
  person: code('121006', 'DCM', 'Person'),
  personObserverName: code('121008', 'DCM', 'Person Observer Name'),
  procedureReported: code('121058', 'DCM', 'Procedure reported'),
  imageLibrary: code('111028', 'DCM', 'Image Library'),
  imageLibraryGroup: code('126200', 'DCM', 'Image Library Group'),
  imagingMeasurements: code('126010', 'DCM', 'Imaging Measurements'),
  measurementGroup: code('125007', 'DCM', 'Measurement Group'),
  trackingIdentifier: code('112039', 'DCM', 'Tracking Identifier'),
  trackingUid: code('112040', 'DCM', 'Tracking Unique Identifier'),
  findingSite: code('363698007', 'SCT', 'Finding Site'),
  english: code('eng', 'RFC5646', 'English'),
  imagingProcedure: code('363679005', 'SCT', 'Imaging'),
} as const;

/**
 * Spinal alignment parameters have no codes in DCM or SNOMED CT that every archive knows; they are
 * sent under a private coding scheme (PS3.16 8.2: designators beginning with "99" are local).
 */
const LOCAL = '99SCR';

/** The concept of each measured value key (see shared/measurements/compute.ts). */
export const VALUE_CONCEPTS: Record<string, Code> = {
  length: code('410668003', 'SCT', 'Length'),
  angle: code('ANGLE', LOCAL, 'Angle'),
  cobb: code('COBB', LOCAL, 'Cobb angle'),
  value: code('VALUE', LOCAL, 'Pixel value'),
  area: code('42798000', 'SCT', 'Area'),
  mean: code('373098007', 'SCT', 'Mean'),
  sd: code('386136009', 'SCT', 'Standard Deviation'),
  min: code('255605001', 'SCT', 'Minimum'),
  max: code('56851009', 'SCT', 'Maximum'),
  coronalBalance: code('CORBAL', LOCAL, 'Coronal balance (C7 to CSVL)'),
  PI: code('PI', LOCAL, 'Pelvic incidence (PI)'),
  PT: code('PT', LOCAL, 'Pelvic tilt (PT)'),
  SS: code('SS', LOCAL, 'Sacral slope (SS)'),
  LL: code('LL', LOCAL, 'Lumbar lordosis (LL)'),
  PI_LL: code('PILL', LOCAL, 'PI-LL mismatch'),
  SVA_mm: code('SVA', LOCAL, 'Sagittal vertical axis (SVA)'),
  TPA: code('TPA', LOCAL, 'T1 pelvic angle (TPA)'),
  segmentAngle: code('SEGANG', LOCAL, 'Segmental angle'),
  segmentOffset: code('SEGTRANS', LOCAL, 'Segmental sagittal translation'),
  haloWidth: code('HALO', LOCAL, 'Peri-screw lucent halo width'),
};

/** UCUM units (PS3.16 CID 7181 style). */
export function ucum(unit: string): Code {
  switch (unit) {
    case 'mm':
      return code('mm', 'UCUM', 'millimeter');
    case 'mm²':
      return code('mm2', 'UCUM', 'square millimeter');
    case '°':
      return code('deg', 'UCUM', 'degree');
    case 'HU':
      return code("[hnsf'U]", 'UCUM', 'Hounsfield unit');
    case 'px':
      return code('{pixel}', 'UCUM', 'pixel');
    case 'px²':
      return code('{pixel}2', 'UCUM', 'square pixel');
    default:
      return code('1', 'UCUM', 'no units');
  }
}
