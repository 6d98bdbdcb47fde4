/** Stored images: `scr:<instanceId>` or `scr:<instanceId>?frame=<n>` (0-based frame). */
export const SCR_SCHEME = 'scr';
/** Reformatted slices: `scrmpr:<volumeKey>/<plane>/<index>`. */
export const REFORMAT_SCHEME = 'scrmpr';

export const stackImageId = (instanceId: number, frame = 0): string =>
  frame ? `${SCR_SCHEME}:${instanceId}?frame=${frame}` : `${SCR_SCHEME}:${instanceId}`;

export function parseStackImageId(imageId: string): { instanceId: number; frame: number } | null {
  const m = /^scr:(\d+)(?:\?frame=(\d+))?$/.exec(imageId);
  return m ? { instanceId: Number(m[1]), frame: Number(m[2] ?? 0) } : null;
}

/** The stored file's address, absolute (a worker would resolve a relative one against itself). */
export const imageUrl = (instanceId: number): string =>
  new URL(`images/${instanceId}`, document.baseURI).href;
