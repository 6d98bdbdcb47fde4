/** A VOI window in modality units (Hounsfield units for CT). */
export interface Voi {
  center: number;
  width: number;
}

export interface WindowPresetOption extends Voi {
  id: string;
  label: string;
  /** Where the numbers come from (shown as a tooltip). */
  source: string;
}

const RADIOPAEDIA = 'Radiopaedia, "Windowing (CT)" (radiopaedia.org/articles/windowing-ct)';

/**
 * CT presets for spine work, in the order the number keys choose them (1–4).
 * Bone, soft tissue and lung are the usual textbook windows. The metal/hardware window is an
 * extended window used to see around pedicle screws and rods (check: wide windows of W 3000–4000
 * are common practice, no single published value) — it is a convention, configurable here.
 */
export const CT_PRESETS: readonly WindowPresetOption[] = [
  { id: 'bone', label: 'Bone', center: 400, width: 1800, source: RADIOPAEDIA },
  { id: 'soft-tissue', label: 'Soft tissue', center: 40, width: 400, source: RADIOPAEDIA },
  {
    id: 'metal',
    label: 'Metal / hardware',
    center: 1000,
    width: 4000,
    source: 'Extended window for orthopaedic hardware (convention; check)',
  },
  { id: 'lung', label: 'Lung', center: -600, width: 1500, source: RADIOPAEDIA },
];

/** The presets a viewport offers: CT's standard windows, else the file's own (MR, X-ray). */
export function presetsFor(
  modality: string | null,
  fileWindows: readonly { center: number; width: number; explanation: string | null }[],
): WindowPresetOption[] {
  const fromFile = fileWindows.map((w, i) => ({
    id: `file-${i}`,
    label: w.explanation ?? `File window ${i + 1}`,
    center: w.center,
    width: w.width,
    source: 'Window Center/Width stored in the image',
  }));
  if (modality !== 'CT') return fromFile;
  // The file's own "BONE" beside the standard Bone: say which is which.
  const standard = new Set(CT_PRESETS.map((p) => p.label.toUpperCase()));
  return [
    ...CT_PRESETS,
    ...fromFile.map((p) => (standard.has(p.label.toUpperCase()) ? { ...p, label: `${p.label} (file)` } : p)),
  ];
}

/** Narrowest window a drag may reach (a 1-unit window is a threshold, still meaningful). */
const MIN_WIDTH = 1;

/**
 * Window/level drag: right widens the window, down raises the level (the usual PACS mapping).
 * `unitsPerPixel` scales the mouse movement to the image's value range.
 */
export function dragWindow(voi: Voi, dx: number, dy: number, unitsPerPixel: number): Voi {
  return {
    center: voi.center + dy * unitsPerPixel,
    width: Math.max(MIN_WIDTH, voi.width + dx * unitsPerPixel),
  };
}

/** Drag sensitivity: crossing ~1000 screen pixels sweeps the whole value range (at least 1 unit/pixel). */
export const dragSensitivity = (minValue: number, maxValue: number): number =>
  Math.max(1, (maxValue - minValue) / 1000);

/**
 * A window from the value histogram when the file has none: the 1st to 99th percentile, so the
 * collimator edges and a few hot pixels of a radiograph do not flatten the picture.
 * `values` are stored values; slope and intercept map them to modality units.
 */
export function autoWindow(
  values: ArrayLike<number>,
  slope = 1,
  intercept = 0,
  low = 0.01,
  high = 0.99,
): Voi {
  const n = values.length;
  if (n === 0) return { center: 0, width: 1 };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return { center: min * slope + intercept, width: Math.max(MIN_WIDTH, Math.abs(slope)) };
  const bins = Math.min(4096, Math.max(16, Math.ceil(max - min + 1)));
  const histogram = new Uint32Array(bins);
  const k = (bins - 1) / (max - min);
  for (let i = 0; i < n; i++) histogram[Math.round((values[i]! - min) * k)]!++;
  const at = (fraction: number): number => {
    const target = fraction * n;
    let sum = 0;
    for (let b = 0; b < bins; b++) {
      sum += histogram[b]!;
      if (sum >= target) return min + b / k;
    }
    return max;
  };
  const lo = at(low) * slope + intercept;
  const hi = at(high) * slope + intercept;
  const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
  return b - a < MIN_WIDTH
    ? { center: (min + max) / 2, width: Math.max(MIN_WIDTH, (max - min) * Math.abs(slope)) }
    : { center: (a + b) / 2, width: b - a };
}

/**
 * The linear VOI function of PS3.3 C.11.2.1.2.1: a modality value to an output in [0, outMax].
 * Used for key image PNGs and the pixel tests; cornerstone applies the same function on screen.
 */
export function applyVoi(value: number, voi: Voi, outMax = 255): number {
  const c = voi.center - 0.5;
  const w = voi.width - 1;
  if (w <= 0) return value <= c ? 0 : outMax;
  if (value <= c - w / 2) return 0;
  if (value > c + w / 2) return outMax;
  return ((value - c) / w + 0.5) * outMax;
}

/** "W 400 L 40", rounded the way a reader says it. */
export function formatVoi(voi: Voi): string {
  const r = (v: number): string => (Math.abs(v) >= 10 ? String(Math.round(v)) : v.toFixed(1));
  return `W ${r(voi.width)} L ${r(voi.center)}`;
}
