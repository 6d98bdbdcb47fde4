import type { Patient } from '../domain/case.ts';
import type { DerivedValues, DiscussionFlag, EvaluationValues, FlagSeverity } from '../evaluation/index.ts';
import { computeDerived, computeFlags, fieldById } from '../evaluation/index.ts';
import { createReader } from '../evaluation/reader.ts';
import { displayValue, isScalarField } from '../evaluation-export/display.ts';
import { examFindings } from './exam-findings.ts';
import { ageInYears, intervalText } from './intervals.ts';

export interface SummaryLine {
  label: string;
  text: string;
}

export interface FlagGroup {
  severity: FlagSeverity;
  label: string;
  flags: Pick<DiscussionFlag, 'id' | 'label' | 'detail'>[];
}

/** Everything the summary slide, the minutes and the case report say about a case, as text. */
export interface CaseSummary {
  title: string;
  /** Identifiers, shown unless the conference hides them (teaching). */
  patientName: string | null;
  mrn: string | null;
  ageSex: string;
  lines: SummaryLine[];
  /** Red-flag symptoms that need action whatever the team decides. */
  urgent: string[];
  flagGroups: FlagGroup[];
  question: string;
}

export interface SummaryCase {
  title: string;
  clinicalQuestion: string;
  patient: Pick<Patient, 'name' | 'mrn' | 'birthDate' | 'sex'> | null;
}

/**
 * Symptoms that are red flags for cauda equina compression or a progressing deficit, which call for
 * urgent assessment rather than a routine conference slot (Finucane LM et al., International
 * framework for red flags for potential serious spinal pathologies, J Orthop Sports Phys Ther 2020).
 */
const RED_FLAG_SYMPTOMS = ['bowelBladder', 'newWeakness', 'myelopathy'];

const SEX_WORDS: Record<string, string> = { F: 'female', M: 'male', O: 'other sex', U: 'sex unknown' };

const SEVERITY_GROUPS: readonly { severity: FlagSeverity; label: string }[] = [
  { severity: 'urgent', label: 'Urgent' },
  { severity: 'warning', label: 'Warning' },
  { severity: 'caution', label: 'Caution' },
  { severity: 'info', label: 'For information' },
];

/** A stored value as a person reads it ('' when blank or not a scalar field). */
function shown(values: EvaluationValues, id: string): string {
  const field = fieldById(id);
  return isScalarField(field) ? displayValue(field, values[id]) : '';
}

const derivedText = (derived: DerivedValues, id: string): string => {
  const d = derived[id];
  return d?.available ? d.text : '';
};

function ageSex(patient: SummaryCase['patient'], today: string): string {
  const age = patient?.birthDate ? ageInYears(patient.birthDate, today) : null;
  const sex = patient?.sex ? SEX_WORDS[patient.sex] : 'sex not recorded';
  return `${age === null ? 'Age not recorded' : `${age} years`}, ${sex}`;
}

function indexSurgery(values: EvaluationValues, today: string): SummaryLine[] {
  const what = [shown(values, 'history.approach'), shown(values, 'history.levelsFused')].filter(Boolean);
  const date = createReader(values, today).date('history.indexSurgeryDate');
  const when = date ? `${date} (${intervalText(date, today)} ago)` : '';
  const text = [what.join(', '), when].filter(Boolean).join(' — ');
  return text ? [{ label: 'Index surgery', text }] : [];
}

function symptoms(values: EvaluationValues, derived: DerivedValues): SummaryLine[] {
  const list = shown(values, 'history.symptoms');
  const vsPreop = shown(values, 'history.symptomsVsPreop');
  const timing = derivedText(derived, 'history.timingClass');
  return [
    ...(list || vsPreop ? [{ label: 'Symptoms', text: [list, vsPreop].filter(Boolean).join(' — ') }] : []),
    ...(timing ? [{ label: 'Timing', text: timing }] : []),
  ];
}

function scores(values: EvaluationValues, derived: DerivedValues, today: string): SummaryLine[] {
  const r = createReader(values, today);
  const odi = derivedText(derived, 'prom.odiPercent');
  const band = derivedText(derived, 'prom.odiBand');
  const ndi = derivedText(derived, 'prom.ndiPercent');
  const back = r.number('prom.nrsBack');
  const leg = r.number('prom.nrsLeg');
  const neck = r.number('prom.nrsNeck');
  const arm = r.number('prom.nrsArm');
  const nrs = [
    back !== undefined ? `back ${back}/10` : '',
    leg !== undefined ? `leg ${leg}/10` : '',
    neck !== undefined ? `neck ${neck}/10` : '',
    arm !== undefined ? `arm ${arm}/10` : '',
  ].filter(Boolean);
  const parts = [
    odi ? `ODI ${odi}${band ? ` (${band})` : ''}` : '',
    ndi ? `NDI ${ndi}` : '',
    nrs.length ? `NRS ${nrs.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? [{ label: 'ODI / NRS', text: parts.join(' · ') }] : [];
}

function alignment(values: EvaluationValues, derived: DerivedValues, today: string): SummaryLine[] {
  const piLl = derivedText(derived, 'imaging.piMinusLl');
  const sva = createReader(values, today).number('imaging.svaMm');
  const parts = [
    piLl ? `PI–LL ${piLl}` : '',
    sva !== undefined ? `SVA ${shown(values, 'imaging.svaMm')}` : '',
  ];
  const text = parts.filter(Boolean).join(' · ');
  return text ? [{ label: 'PI–LL / SVA', text }] : [];
}

function groupFlags(flags: readonly DiscussionFlag[]): FlagGroup[] {
  return SEVERITY_GROUPS.map((g) => ({
    ...g,
    flags: flags
      .filter((f) => f.level === g.severity)
      .map((f) => ({ id: f.id, label: f.label, detail: f.detail })),
  })).filter((g) => g.flags.length > 0);
}

/** The case on one slide: built from the form, the same for the presenter view and the PDFs. */
export function buildCaseSummary(c: SummaryCase, values: EvaluationValues, today: string): CaseSummary {
  const derived = computeDerived(values, { today });
  const flags = computeFlags(values, derived, { today });
  const reader = createReader(values, today);
  const redFlags = (reader.codes('history.symptoms') ?? []).filter((s) => RED_FLAG_SYMPTOMS.includes(s));
  const symptomField = fieldById('history.symptoms');
  const exam = examFindings(values, today);
  return {
    title: c.title,
    patientName: c.patient?.name ?? null,
    mrn: c.patient?.mrn ?? null,
    ageSex: ageSex(c.patient, today),
    lines: [
      ...indexSurgery(values, today),
      ...symptoms(values, derived),
      ...(exam.length ? [{ label: 'Key exam findings', text: exam.join('; ') }] : []),
      ...scores(values, derived, today),
      ...alignment(values, derived, today),
    ],
    urgent: isScalarField(symptomField) ? redFlags.map((code) => displayValue(symptomField, [code])) : [],
    flagGroups: groupFlags(flags),
    question: c.clinicalQuestion.trim(),
  };
}
