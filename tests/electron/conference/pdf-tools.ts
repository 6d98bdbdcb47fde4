import { execFileSync, spawnSync } from 'node:child_process';

/** poppler-utils must be present where CI runs; here a missing tool fails the test rather than skip it. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

export function pdfInfo(path: string): { pages: number; width: number; height: number; title: string } {
  const text = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(text);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(text)?.[1]),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    title: /Title:\s+(.*)/.exec(text)?.[1]?.trim() ?? '',
  };
}

/** Fonts embedded in the PDF (pdffonts): every one must be embedded for print. */
export function pdfFonts(path: string): { name: string; embedded: boolean }[] {
  const r = spawnSync('pdffonts', [path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      return { name: cols[0] ?? '', embedded: cols.at(-5) === 'yes' };
    });
}
