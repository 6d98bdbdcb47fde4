import { LEVELS_FUSED_FIELD } from '../conditions.ts';
import { SEGMENTS } from '../levels.ts';
import type { SectionDefinition } from '../types.ts';
import { options } from './builders.ts';

/** Implant codes that are interbody cages (drive the BSF and subsidence columns). */
export const CAGE_CODES = ['cagePeek', 'cageTitanium', 'cageTiPeek'];

/** DOMAIN.md §1: index surgery, symptoms, timing, goals. */
export const HISTORY_SECTION: SectionDefinition = {
  id: 'history',
  title: 'Index surgery and history',
  fields: [
    {
      id: LEVELS_FUSED_FIELD,
      kind: 'multiChoice',
      label: 'Levels fused',
      help: 'Each fused motion segment: an L4–S1 fusion is L4-L5 and L5-S1.',
      options: SEGMENTS.map((s) => ({ code: s, label: s })),
      requiredForDecision: true,
    },
    {
      id: 'history.levelCount',
      kind: 'computed',
      label: 'Number of levels fused',
      formula: 'count of fused segments',
      source: 'DOMAIN.md §1',
    },
    {
      id: 'history.indexSurgeryDate',
      kind: 'date',
      label: 'Date of index surgery',
      notInFuture: true,
      requiredForDecision: true,
    },
    { id: 'history.surgeon', kind: 'text', label: 'Surgeon', maxLength: 200 },
    { id: 'history.hospital', kind: 'text', label: 'Hospital', maxLength: 200 },
    {
      id: 'history.approach',
      kind: 'multiChoice',
      label: 'Approach',
      options: options([
        ['plf', 'PLF (posterolateral fusion)'],
        ['plif', 'PLIF'],
        ['tlif', 'TLIF'],
        ['miTlif', 'MI-TLIF'],
        ['olif', 'OLIF'],
        ['llif', 'LLIF / XLIF'],
        ['alif', 'ALIF'],
        ['acdf', 'ACDF'],
        ['posteriorCervical', 'Posterior cervical fusion'],
        ['other', 'Other'],
      ]),
      requiredForDecision: true,
    },
    {
      id: 'history.implants',
      kind: 'multiChoice',
      label: 'Implants',
      options: options([
        ['screwsRods', 'Pedicle screws and rods'],
        ['cagePeek', 'Interbody cage, PEEK'],
        ['cageTitanium', 'Interbody cage, titanium'],
        ['cageTiPeek', 'Interbody cage, titanium-coated PEEK'],
        ['anteriorPlate', 'Anterior plate'],
        ['other', 'Other'],
      ]),
    },
    {
      id: 'history.implantsOther',
      kind: 'text',
      label: 'Other implants',
      maxLength: 500,
      visibleWhen: { field: 'history.implants', includesAny: ['other'] },
    },
    {
      id: 'history.graft',
      kind: 'multiChoice',
      label: 'Graft',
      options: options([
        ['iliacCrest', 'Iliac-crest autograft'],
        ['localAutograft', 'Local autograft'],
        ['allograft', 'Allograft'],
        ['dbm', 'Demineralised bone matrix (DBM)'],
        ['ceramic', 'Ceramic (HA, β-TCP)'],
        ['bma', 'Bone-marrow aspirate'],
        ['rhBmp2', 'rhBMP-2'],
        ['rhBmp7', 'rhBMP-7'],
      ]),
    },
    {
      id: 'history.rhBmpDoseMg',
      kind: 'decimal',
      label: 'rhBMP dose',
      unit: 'mg',
      min: 0.1,
      max: 40,
      step: 0.1,
      range: 'plausible',
      visibleWhen: { field: 'history.graft', includesAny: ['rhBmp2', 'rhBmp7'] },
    },
    {
      id: 'history.rhBmpSite',
      kind: 'singleChoice',
      label: 'rhBMP site',
      options: options([
        ['interbody', 'Interbody'],
        ['posterolateral', 'Posterolateral'],
        ['both', 'Interbody and posterolateral'],
      ]),
      visibleWhen: { field: 'history.graft', includesAny: ['rhBmp2', 'rhBmp7'] },
    },
    {
      id: 'history.symptoms',
      kind: 'multiChoice',
      label: 'Current symptoms',
      options: options([
        ['axialPain', 'Axial pain'],
        ['radicularPain', 'Radicular pain'],
        ['claudication', 'Neurogenic claudication'],
        ['myelopathy', 'Myelopathy'],
        ['newWeakness', 'New weakness'],
        ['newNumbness', 'New numbness'],
        ['bowelBladder', 'Bowel or bladder dysfunction'],
      ]),
      requiredForDecision: true,
    },
    {
      id: 'history.symptomsVsPreop',
      kind: 'singleChoice',
      label: 'Compared with before the index surgery',
      options: options([
        ['same', 'Same symptoms as before surgery'],
        ['new', 'New symptoms'],
        ['mixed', 'Some the same, some new'],
      ]),
      requiredForDecision: true,
    },
    {
      id: 'history.course',
      kind: 'singleChoice',
      label: 'Course after the index surgery',
      options: options([
        ['neverRelieved', 'Never relieved'],
        ['recurred', 'Relieved, then symptoms returned or new ones began'],
      ]),
      requiredForDecision: true,
    },
    {
      id: 'history.symptomOnsetDate',
      kind: 'date',
      label: 'Onset of current symptoms',
      help: 'When the symptoms returned or began after the index surgery.',
      notInFuture: true,
      visibleWhen: { field: 'history.course', equals: 'recurred' },
    },
    {
      id: 'history.timingManual',
      kind: 'singleChoice',
      label: 'Timing (when the onset date is unknown)',
      options: options([
        ['early', 'Early (weeks after surgery)'],
        ['intermediate', 'Intermediate (months)'],
        ['late', 'Late (after a pain-free interval of more than ~12 months)'],
      ]),
      visibleWhen: {
        all: [
          { field: 'history.course', equals: 'recurred' },
          { field: 'history.symptomOnsetDate', answered: false },
        ],
      },
    },
    {
      id: 'history.timingClass',
      kind: 'computed',
      label: 'Timing class',
      formula:
        'never relieved → immediate; otherwise days from index surgery to onset: ≤ early cut-off → early, > late cut-off → late, between → intermediate (cut-offs configurable (check))',
      source: 'DOMAIN.md §1 (Guyer JAAOS 2006; ISSLS; spine-health) — cut-offs are convention (check)',
      requiredForDecision: true,
    },
    {
      id: 'history.functionalGoals',
      kind: 'multiChoice',
      label: 'Functional goals',
      options: options([
        ['returnToWork', 'Return to work'],
        ['sport', 'Sport'],
        ['dailyLiving', 'Pain-free daily living'],
        ['other', 'Other'],
      ]),
    },
    { id: 'history.goalsNotes', kind: 'longText', label: 'Goals in the patient’s words', maxLength: 4000 },
    {
      id: 'history.workStatus',
      kind: 'singleChoice',
      label: 'Current work status',
      options: options([
        ['fullTime', 'Working full time'],
        ['modified', 'Working reduced hours or modified duties'],
        ['offWorkSpine', 'Off work because of the spine'],
        ['unemployed', 'Unemployed'],
        ['retired', 'Retired'],
        ['student', 'Student'],
        ['homemaker', 'Homemaker / carer'],
      ]),
      requiredForDecision: true,
    },
  ],
};
