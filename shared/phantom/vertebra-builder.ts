import { MAT } from './materials.ts';
import { PRIORITY } from './priorities.ts';
import { type Primitive, type Style, box, capsule, ellipsoid, frustum, halfSpace } from './primitives.ts';
import type { VertebraPose } from './spinal-column.ts';
import { DEG, type Vec3, combine, cross, normalize, scale } from './vec3.ts';
import { type VertebralFrame, boxAxes, frameOf } from './vertebral-frame.ts';
import type { VertebraDims } from './vertebra-table.ts';

export interface EndplateStyle {
  /** Fused level: the cortical endplate is replaced by trabecular bone continuous with the graft. */
  readonly remodelled?: boolean;
  /** Degenerate or non-united level: a dense band under the endplate. */
  readonly sclerosis?: boolean;
  /** Osteophyte protrusion beyond the endplate margin (mm). */
  readonly osteophyteMm?: number;
}

export interface VertebraOptions {
  readonly upper?: EndplateStyle;
  readonly lower?: EndplateStyle;
}

/** Cortical shell thickness of bodies and posterior elements (mm). */
const SHELL = 1.3;
const END_SHELL = 1.0;
const WAIST = 0.93;

export const cortical = (label: string, clips?: Style['clips']): Style => ({
  material: MAT.cortical,
  priority: PRIORITY.cortical,
  label,
  ...(clips ? { clips } : {}),
});
export const trabecular = (label: string, clips?: Style['clips'], posterior = false): Style => ({
  material: posterior ? MAT.posteriorCancellous : MAT.cancellous,
  priority: PRIORITY.cancellous,
  label,
  ...(clips ? { clips } : {}),
});

/** Geometry shared by the body and the posterior elements. */
export function posteriorLandmarks(d: VertebraDims): {
  pedicleX: number;
  pedicleU: number;
  pedicleLength: number;
  laminaJunctionA: number;
} {
  const pedicleLength = 0.3 * d.depth + 2;
  return {
    pedicleX: d.canalHalfWidth + d.pedicleWidth / 2,
    pedicleU: d.height / 2 - d.pedicleHeight / 2 - 1,
    pedicleLength,
    laminaJunctionA: -d.depth / 2 - 2 * d.canalHalfDepth - 3,
  };
}

/** Body size: height, AP depth, transverse width (mm). */
export type BodyDims = Pick<VertebraDims, 'height' | 'depth' | 'width'>;

/** Waisted vertebral body with cortical shell, cancellous core and optional endplate findings. */
export function buildBody(f: VertebralFrame, d: BodyDims, opts: VertebraOptions, label: string): Primitive[] {
  const ac = -d.depth / 12;
  const a = d.width / 2;
  const b = (7 * d.depth) / 12;
  const h = d.height / 2;
  const axis = (u: number): Vec3 => f.at(0, ac, u);
  const back = (inset: number) => [halfSpace(f.at(0, -d.depth / 2 + inset, 0), scale(f.anterior, -1))];
  const lowIn = opts.lower?.remodelled ? 0 : END_SHELL;
  const upIn = opts.upper?.remodelled ? 0 : END_SHELL;
  // Two overlapping cone frusta give the waisted body (the overlap avoids a blended seam); the
  // cancellous core is one cylinder inside the waist, so the rim (ring apophysis) is thicker.
  const seam = 0.6;
  const sSeam = WAIST + ((1 - WAIST) * seam) / h;
  const out: Primitive[] = [
    frustum(
      axis(-h),
      axis(seam),
      a,
      b,
      f.left,
      cortical(label, back(0)),
      1,
      WAIST - ((1 - WAIST) * seam) / h,
    ),
    frustum(axis(-seam), axis(h), a, b, f.left, cortical(label, back(0)), sSeam, 1),
    frustum(
      axis(-h + lowIn),
      axis(h - upIn),
      a * WAIST - SHELL,
      b * WAIST - SHELL,
      f.left,
      trabecular(label, back(SHELL)),
    ),
  ];
  for (const [style, su] of [
    [opts.upper, 1],
    [opts.lower, -1],
  ] as const) {
    if (style?.sclerosis) {
      out.push(
        frustum(
          axis(su * (h - 2.8)),
          axis(su * (h - END_SHELL)),
          a * WAIST - SHELL,
          b * WAIST - SHELL,
          f.left,
          {
            material: MAT.sclerosis,
            priority: PRIORITY.sclerosis,
            label: `${label} endplate sclerosis`,
            clips: back(SHELL),
          },
        ),
      );
    }
    if (style?.osteophyteMm) out.push(...osteophytes(f, d, su, style.osteophyteMm, label));
  }
  return out;
}

/** Marginal osteophytes: dense beaks at the anterior and lateral rim of one endplate, leaning to the disc. */
function osteophytes(f: VertebralFrame, d: BodyDims, su: 1 | -1, mm: number, label: string): Primitive[] {
  const tilt = 25 * DEG;
  const u = su * (d.height / 2 - 1.2);
  const style = { material: MAT.sclerosis, priority: PRIORITY.cortical, label: `${label} osteophyte` };
  const beak = (outward: Vec3, along: Vec3, centre: Vec3, r: Vec3): Primitive => {
    const y = normalize(combine([0, 0, 0], [outward, Math.cos(tilt)], [f.up, su * Math.sin(tilt)]));
    return ellipsoid(centre, boxAxes(along, cross(along, y)), r, style);
  };
  const ant = f.anterior;
  return [
    beak(ant, f.left, f.at(0, d.depth / 2 + mm / 2 - 2, u), [d.width * 0.28, mm / 2 + 2.2, 2.6]),
    beak(f.left, ant, f.at(d.width / 2 + mm / 2 - 2, d.depth * 0.05, u), [d.depth * 0.3, mm / 2 + 2.2, 2.6]),
    beak(scale(f.left, -1), ant, f.at(-d.width / 2 - mm / 2 + 2, d.depth * 0.05, u), [
      d.depth * 0.3,
      mm / 2 + 2.2,
      2.6,
    ]),
  ];
}

function region(name: string): 'C' | 'T' | 'L' {
  return name[0] === 'C' ? 'C' : name[0] === 'T' ? 'T' : 'L';
}

/** Pedicle axis: from the pedicle–lamina junction (back) to just inside the body (front). */
export function pedicleAxis(f: VertebralFrame, d: VertebraDims, side: 1 | -1): { back: Vec3; front: Vec3 } {
  const g = posteriorLandmarks(d);
  const t = Math.tan(d.pedicleAngleDeg * DEG);
  return {
    back: f.at(side * (g.pedicleX + t * g.pedicleLength), -d.depth / 2 - g.pedicleLength, g.pedicleU),
    front: f.at(side * (g.pedicleX - t * 6), -d.depth / 2 + 6, g.pedicleU),
  };
}

/** Transverse process axis, root to tip. */
export function transverseProcessAxis(
  f: VertebralFrame,
  d: VertebraDims,
  side: 1 | -1,
): { root: Vec3; tip: Vec3 } {
  const g = posteriorLandmarks(d);
  const reg = region(d.name);
  const px = g.pedicleX + Math.tan(d.pedicleAngleDeg * DEG) * g.pedicleLength;
  const back = reg === 'T' ? 38 : reg === 'C' ? -10 : 8;
  const upDeg = d.name === 'L5' ? 12 : 0;
  const root = f.at(side * (px - 1), -d.depth / 2 - g.pedicleLength + 4, g.pedicleU - 1);
  const dir = f.dir(side * Math.cos(back * DEG), -Math.sin(back * DEG), Math.sin(upDeg * DEG));
  return { root, tip: combine(root, [dir, d.transverseLength]) };
}

/** Pedicles, laminae, spinous and transverse processes, articular processes. */
function posteriorElements(f: VertebralFrame, d: VertebraDims, label: string): Primitive[] {
  const g = posteriorLandmarks(d);
  const out: Primitive[] = [];
  const reg = region(d.name);
  const conv = d.pedicleAngleDeg * DEG;
  const postA = -d.depth / 2 - g.pedicleLength;
  for (const side of [1, -1] as const) {
    // Pedicle: an elliptic cylinder from the pedicle–lamina junction into the body, converging.
    const { back, front } = pedicleAxis(f, d, side);
    out.push(
      frustum(back, front, d.pedicleWidth / 2, d.pedicleHeight / 2, f.left, cortical(`${label} pedicle`)),
      frustum(
        back,
        front,
        d.pedicleWidth / 2 - SHELL,
        d.pedicleHeight / 2 - SHELL,
        f.left,
        trabecular(`${label} pedicle`, undefined, true),
      ),
    );
    // Lamina: a slab from the pedicle to the spinous base.
    const px = g.pedicleX + Math.tan(conv) * g.pedicleLength;
    const la = { l: side * px * 0.5, a: (postA + g.laminaJunctionA) / 2 };
    const along = f.dir(-side * px, g.laminaJunctionA - postA, 0);
    const lamLen = Math.hypot(px, g.laminaJunctionA - postA) / 2 + 2;
    const lamH = d.height * 0.42;
    const lamAxes = boxAxes(along, f.up);
    const lamC = f.at(la.l, la.a, -d.height * 0.12);
    out.push(
      box(lamC, lamAxes, [lamLen, 3, lamH], cortical(`${label} lamina`)),
      box(lamC, lamAxes, [lamLen - 1, 1.8, lamH - 1], trabecular(`${label} lamina`, undefined, true)),
    );
    // Transverse process.
    const { root: tp0, tip: tp1 } = transverseProcessAxis(f, d, side);
    out.push(
      capsule(tp0, tp1, d.transverseRadius, cortical(`${label} transverse process`)),
      capsule(tp0, tp1, d.transverseRadius - 1.2, trabecular(`${label} transverse process`, undefined, true)),
    );
    // Articular processes: superior (lateral, reaching up) and inferior (medial, hanging down).
    const facetAxes = { x: f.left, y: f.anterior, z: f.up };
    const supTop = d.height / 2 + 9;
    const supC = f.at(side * (px + 0.5), postA - 1, (g.pedicleU + supTop) / 2);
    out.push(
      box(
        supC,
        facetAxes,
        [2.6, 6, (supTop - g.pedicleU) / 2],
        cortical(`${label} superior articular process`),
      ),
      box(
        supC,
        facetAxes,
        [1.4, 4.8, (supTop - g.pedicleU) / 2 - 1],
        trabecular(`${label} superior articular process`, undefined, true),
      ),
    );
    const infBottom = -d.height / 2 - d.discBelow - 4;
    const infTop = -d.height * 0.15;
    const infC = f.at(side * (px - 5.2), postA - 5, (infTop + infBottom) / 2);
    out.push(
      box(
        infC,
        facetAxes,
        [2.4, 5.5, (infTop - infBottom) / 2],
        cortical(`${label} inferior articular process`),
      ),
      box(
        infC,
        facetAxes,
        [1.2, 4.3, (infTop - infBottom) / 2 - 1],
        trabecular(`${label} inferior articular process`, undefined, true),
      ),
    );
  }
  // Spinous process.
  const tilt = d.spinousTiltDeg * DEG;
  const spDir = f.dir(0, -Math.cos(tilt), -Math.sin(tilt));
  const spBase = f.at(0, g.laminaJunctionA + 2, -d.height * 0.1);
  const spC: Vec3 = [
    spBase[0] + spDir[0] * (d.spinousLength / 2),
    spBase[1] + spDir[1] * (d.spinousLength / 2),
    spBase[2] + spDir[2] * (d.spinousLength / 2),
  ];
  const spAxes = boxAxes(f.left, spDir);
  const halfW = reg === 'L' ? 3.5 : 3;
  out.push(
    box(spC, spAxes, [halfW, d.spinousHeight / 2, d.spinousLength / 2], cortical(`${label} spinous process`)),
    box(
      spC,
      spAxes,
      [halfW - 1.2, d.spinousHeight / 2 - 1.2, d.spinousLength / 2 - 1.2],
      trabecular(`${label} spinous process`, undefined, true),
    ),
  );
  return out;
}

export function buildVertebra(pose: VertebraPose, opts: VertebraOptions = {}): Primitive[] {
  const f = frameOf(pose);
  return [...buildBody(f, pose.dims, opts, pose.name), ...posteriorElements(f, pose.dims, pose.name)];
}
