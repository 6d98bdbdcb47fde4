import type { Measurement, MeasuredMotion } from './measurement.ts';
import { segmentMotion } from './motion.ts';

const valueOf = (m: Measurement, key: string): number | null => {
  const v = m.values.find((x) => x.key === key)?.value;
  return typeof v === 'number' ? v : null;
};

/**
 * Flexion/extension motion per level: the two newest segment measurements of a level on two
 * different images (the flexion and the extension film), compared. Films are paired only within
 * one side of a second opinion: never the sender's flexion with the reviewer's extension.
 */
export function caseMotions(measurements: readonly Measurement[]): MeasuredMotion[] {
  const byLevel = new Map<string, Measurement[]>();
  for (const m of measurements)
    if (m.tool === 'segment' && m.level) {
      const key = `${m.origin}|${m.level}`;
      byLevel.set(key, [...(byLevel.get(key) ?? []), m]);
    }
  const out: MeasuredMotion[] = [];
  for (const list of byLevel.values()) {
    const level = list[0]!.level!;
    const newest = [...list].reverse();
    const first = newest[0]!;
    const second = newest.find((m) => m.instanceId !== first.instanceId);
    if (!second) continue;
    const [a, b] = [second, first];
    const pos = (m: Measurement) => ({
      angleDeg: valueOf(m, 'segmentAngle') ?? 0,
      translationMm: valueOf(m, 'segmentOffset') ?? 0,
    });
    const motion = segmentMotion(pos(a), pos(b), level);
    const unit = a.scale.column !== null && b.scale.column !== null ? 'mm' : 'px';
    out.push({
      level,
      measurementIds: [a.id, b.id],
      translationMm: Math.round(motion.translationMm * 100) / 100,
      angleDeg: Math.round(motion.angleDeg * 100) / 100,
      unit,
      exceedsFusedLimit: motion.exceedsFusedLimit,
      exceedsMobileLimit:
        unit === 'mm' ? motion.exceedsMobileLimit : motion.angleDeg > motion.mobileAngleLimitDeg,
      mobileAngleLimitDeg: motion.mobileAngleLimitDeg,
    });
  }
  return out;
}
