export interface SeriesNode {
  seriesId: number;
  seriesUid: string;
  modality: string | null;
  number: number | null;
  description: string | null;
  bodyPart: string | null;
  plane: string | null;
  instanceCount: number;
  frameCount: number;
  /** Instances whose transfer syntax the viewer cannot decode. */
  notDisplayable: number;
  firstInstanceId: number | null;
}

export interface StudyNode {
  studyId: number;
  studyUid: string;
  date: string | null;
  description: string | null;
  accession: string | null;
  modalities: string[];
  series: SeriesNode[];
}

export interface PatientStudies {
  patientId: number;
  mrn: string;
  name: string | null;
  birthDate: string | null;
  sex: string | null;
  studies: StudyNode[];
}
