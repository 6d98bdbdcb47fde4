import { PATIENT, SYNTHETIC_NOTICE } from '../../../shared/phantom/design.ts';
import { phantomUid } from './uids.ts';

export type PhantomModality = 'CT' | 'DX' | 'MR';

/**
 * One study per modality, as a hospital orders them: standing films first, then CT, then MR, each
 * with its own accession number and date. Dates and times are fixed so the same seed gives the
 * same bytes.
 */
export interface StudyContext {
  readonly seed: number;
  readonly patientId: string;
  readonly modality: PhantomModality;
  readonly studyUid: string;
  readonly accessionNumber: string;
  readonly studyId: string;
  readonly date: string;
  readonly time: string;
  readonly description: string;
}

const STUDIES: Record<PhantomModality, { date: string; time: string; description: string; studyId: string }> =
  {
    DX: { date: '20260303', time: '091500', description: 'XR SPINE STANDING + FLEX/EXT', studyId: '1' },
    CT: { date: '20260310', time: '143000', description: 'CT L-SPINE W/O CONTRAST', studyId: '2' },
    MR: { date: '20260317', time: '101500', description: 'MRI L-SPINE W/O CONTRAST', studyId: '3' },
  };

export const patientIdFor = (seed: number): string => `DEMO-${String(seed).padStart(4, '0')}`;

export function studyContext(seed: number, modality: PhantomModality): StudyContext {
  const s = STUDIES[modality];
  return {
    seed,
    patientId: patientIdFor(seed),
    modality,
    studyUid: phantomUid(seed, 'study', modality),
    accessionNumber: `DEMO${String(seed).padStart(4, '0')}${modality}`,
    studyId: s.studyId,
    date: s.date,
    time: s.time,
    description: s.description,
  };
}

/** Patient, General Study, General Equipment and SOP Common attributes shared by every file. */
export function commonAttributes(
  ctx: StudyContext,
  sopClassUid: string,
  sopInstanceUid: string,
): Record<string, unknown> & { SOPClassUID: string; SOPInstanceUID: string } {
  return {
    SpecificCharacterSet: 'ISO_IR 100',
    SOPClassUID: sopClassUid,
    SOPInstanceUID: sopInstanceUid,
    InstanceCreationDate: ctx.date,
    InstanceCreationTime: ctx.time,
    StudyDate: ctx.date,
    StudyTime: ctx.time,
    ContentDate: ctx.date,
    ContentTime: ctx.time,
    AccessionNumber: ctx.accessionNumber,
    InstitutionName: 'DEMO HOSPITAL (SYNTHETIC)',
    ReferringPhysicianName: 'DEMO^SURGEON',
    StudyDescription: `${ctx.description} (SYNTHETIC)`,
    Manufacturer: 'Spine Case Review',
    ManufacturerModelName: 'Synthetic revision phantom',
    SoftwareVersions: '1',
    DeviceSerialNumber: 'PHANTOM',
    StationName: 'PHANTOM',
    PatientName: PATIENT.name,
    PatientID: ctx.patientId,
    PatientBirthDate: PATIENT.birthDate,
    PatientSex: PATIENT.sex,
    PatientAge: PATIENT.age,
    PatientSize: PATIENT.sizeM,
    PatientWeight: PATIENT.weightKg,
    PatientComments: SYNTHETIC_NOTICE,
    StudyInstanceUID: ctx.studyUid,
    StudyID: ctx.studyId,
    ImageComments: 'SYNTHETIC PHANTOM IMAGE - NOT FOR CLINICAL USE',
    BurnedInAnnotation: 'NO',
  };
}

/** Numbers written as DS with a fixed number of decimals (stable, short text). */
export const ds = (v: number, decimals = 4): string => {
  const s = v.toFixed(decimals).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
};
