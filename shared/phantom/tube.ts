import { type Primitive, type Style, frustum, halfSpace } from './primitives.ts';
import { type Vec3, add, combine, normalize, scale, sub, length } from './vec3.ts';

/** A cross-section of a tube: centre and elliptic semi-axes (a along the tube's xHint). */
export interface TubeNode {
  readonly p: Vec3;
  readonly a: number;
  readonly b: number;
}

/**
 * A tube through nodes made of elliptic cone frusta, one per segment. Each piece is extended past
 * its nodes and cut by the bisecting plane there, so neighbours meet exactly at a shared plane with
 * no gap or double-painted wedge. Between nodes the section scales uniformly (the aspect of the
 * lower node is kept, the area reaches the upper node's area).
 */
export function tube(nodes: readonly TubeNode[], xHint: Vec3, style: Style, extend = 20): Primitive[] {
  const out: Primitive[] = [];
  const dirs: Vec3[] = [];
  for (let i = 0; i + 1 < nodes.length; i++)
    dirs.push(normalize(sub((nodes[i + 1] as TubeNode).p, (nodes[i] as TubeNode).p)));
  const normalAt = (i: number): Vec3 => {
    const before = dirs[i - 1];
    const after = dirs[i];
    if (before && after) return normalize(add(before, after));
    return (before ?? after) as Vec3;
  };
  for (let i = 0; i + 1 < nodes.length; i++) {
    const n0 = nodes[i] as TubeNode;
    const n1 = nodes[i + 1] as TubeNode;
    if (n0.a <= 0 || n1.a <= 0) continue;
    const d = dirs[i] as Vec3;
    const len = length(sub(n1.p, n0.p));
    const s1 = Math.sqrt((n1.a * n1.b) / (n0.a * n0.b));
    const k = (s1 - 1) / len;
    const e0 = combine(n0.p, [d, -extend]);
    const e1 = combine(n1.p, [d, extend]);
    const c0 = normalAt(i);
    const c1 = normalAt(i + 1);
    const clips = [
      halfSpace(combine(n0.p, [c0, -0.25]), scale(c0, -1)),
      halfSpace(combine(n1.p, [c1, 0.25]), c1),
      ...(style.clips ?? []),
    ];
    out.push(
      frustum(
        e0,
        e1,
        n0.a,
        n0.b,
        xHint,
        { ...style, clips },
        Math.max(0.05, 1 - k * extend),
        Math.max(0.05, s1 + k * extend),
      ),
    );
  }
  return out;
}
