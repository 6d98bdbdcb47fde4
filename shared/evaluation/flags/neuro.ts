import type { FlagRule } from './types.ts';

/** A key muscle at or below this MRC grade is a major motor deficit (red flag). */
export const MRC_URGENT_AT_OR_BELOW = 3;

const RED_FLAG_SYMPTOMS: Readonly<Record<string, string>> = {
  bowelBladder: 'new bowel or bladder dysfunction',
  saddleAnaesthesia: 'saddle numbness reported',
  progressiveWeakness: 'progressive weakness reported',
};

const UMN_LABELS: Readonly<Record<string, string>> = {
  hoffmann: 'Hoffmann sign',
  babinski: 'Babinski sign',
  clonus: 'sustained clonus',
  hyperreflexia: 'hyperreflexia',
};

const PERINEAL_LABELS: Readonly<Record<string, string>> = {
  reducedSensation: 'reduced perianal sensation',
  reducedTone: 'reduced anal tone or squeeze',
};

type SideCells = Readonly<Record<string, { left?: string | null; right?: string | null } | null | undefined>>;

const asCells = (v: unknown): SideCells =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as SideCells) : {};

/** "L4 left 3/5" for every key muscle graded 0–3. */
function weakMuscles(motor: unknown): string[] {
  return Object.entries(asCells(motor)).flatMap(([muscle, cell]) =>
    (['left', 'right'] as const).flatMap((side) => {
      const grade = cell?.[side];
      const n = grade === undefined || grade === null ? NaN : Number(grade);
      return Number.isInteger(n) && n <= MRC_URGENT_AT_OR_BELOW ? [`${muscle} ${side} ${n}/5`] : [];
    }),
  );
}

/** Saddle (S3–S5) sensation graded absent (0) or altered (1) on either side. */
function saddleDeficit(sensory: unknown): string | undefined {
  const cell = asCells(sensory)['S3-S5'];
  const sides = (['left', 'right'] as const).filter((s) => cell?.[s] === '0' || cell?.[s] === '1');
  return sides.length
    ? `saddle sensation ${cell?.[sides[0] ?? 'left'] === '0' ? 'absent' : 'altered'} (${sides.join(', ')})`
    : undefined;
}

/**
 * Neurological red flags: cauda equina signs (bladder/bowel, saddle anaesthesia), a major or
 * progressive motor deficit, and upper-motor-neuron signs. Urgent: they call for assessment now,
 * not at the next conference.
 */
const neuroRedFlags: FlagRule = {
  id: 'neuroRedFlags',
  label: 'Neurological red flag — assess urgently',
  threshold: `New bowel/bladder dysfunction, saddle anaesthesia, progressive weakness or a key muscle ≤ ${MRC_URGENT_AT_OR_BELOW}/5, or upper-motor-neuron signs`,
  source:
    'Todd NV, Br J Neurosurg 2017; Fraser S et al., Arch Phys Med Rehabil 2009 (cauda equina); Deyo RA et al., JAMA 1992 (major motor deficit); Cook C et al., J Man Manip Ther 2010 (myelopathy signs)',
  fieldIds: ['history.symptoms', 'exam.motor', 'exam.sensory', 'exam.perineal', 'exam.umnSigns'],
  evaluate({ r }) {
    const symptoms = (r.codes('history.symptoms') ?? []).flatMap((c) => RED_FLAG_SYMPTOMS[c] ?? []);
    const weak = weakMuscles(r.values['exam.motor']);
    const saddle = saddleDeficit(r.values['exam.sensory']);
    const umn = (r.codes('exam.umnSigns') ?? []).flatMap((c) => UMN_LABELS[c] ?? []);
    const perineal = PERINEAL_LABELS[r.code('exam.perineal') ?? ''];
    const found = [
      ...symptoms,
      ...(weak.length ? [`key muscle ≤ ${MRC_URGENT_AT_OR_BELOW}/5: ${weak.join(', ')}`] : []),
      ...(saddle ? [saddle] : []),
      ...(perineal ? [perineal] : []),
      ...(umn.length ? [`upper-motor-neuron signs: ${umn.join(', ')}`] : []),
    ];
    return found.length ? { severity: 'urgent', detail: found.join('; ') } : undefined;
  },
};

export const NEURO_FLAGS: readonly FlagRule[] = [neuroRedFlags];
