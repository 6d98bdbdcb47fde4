import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../../electron/services/assets/png.ts';
import { generatePhantom } from '../../../electron/services/phantom/generate-phantom.ts';
import { buildEncapsulatedPdf } from '../../../electron/services/pacs/send/encapsulated-pdf.ts';
import { buildKeyObjectSelection } from '../../../electron/services/pacs/send/key-object-selection.ts';
import type { PatientStudy } from '../../../electron/services/pacs/send/patient-study.ts';
import { patientStudyOf } from '../../../electron/services/pacs/send/patient-study.ts';
import { decodePngToRgb } from '../../../electron/services/pacs/send/png-decode.ts';
import { buildSecondaryCapture } from '../../../electron/services/pacs/send/secondary-capture.ts';
import { tempDir } from '../../support/temp-backend.ts';
import { pixelsOf, smallPdf } from './pacs-fixture.ts';

const hasTools = ['/usr/bin/dciodvfy', '/usr/bin/dcmdump', '/usr/bin/pdfinfo'].every(existsSync);
if (!hasTools && process.env.CI === 'true')
  throw new Error('dicom3tools, dcmtk and poppler-utils are required under CI=true.');

/** dciodvfy's errors (its warnings about optional attributes are not failures). */
function ioErrors(path: string): string[] {
  const r = spawnSync('dciodvfy', [path], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.startsWith('Error'));
}

describe.skipIf(!hasTools)('objects sent to the archive are valid DICOM', () => {
  const dir = tempDir('scr-send-');
  let identity: PatientStudy;
  let ctFile: string;
  const at = new Date('2026-03-04T10:20:30');

  beforeAll(async () => {
    const m = await generatePhantom({
      outDir: dir.path,
      seed: 5,
      ctSlices: 4,
      ctMatrix: 32,
      include: ['ct'],
    });
    ctFile = join(m.outDir, m.series[0]!.files[1]!);
    identity = await patientStudyOf(ctFile);
  }, 60_000);
  afterAll(() => dir.dispose());

  it('writes a Key Object Selection that dciodvfy accepts and dsrdump reads', () => {
    const original = pixelsOf(ctFile);
    const { bytes } = buildKeyObjectSelection({
      identity,
      images: [
        {
          sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
          sopInstanceUid: original.sop,
          seriesUid: identity.header.series.uid,
          frame: null,
        },
      ],
      description: '1. Lucency around the S1 screws',
      at,
      seriesNumber: 9901,
    });
    const path = join(dir.path, 'kos.dcm');
    writeFileSync(path, bytes);
    expect(ioErrors(path)).toEqual([]);
    const tree = execFileSync('dsrdump', [path], { encoding: 'utf8' });
    expect(tree).toContain('Of Interest');
    const dump = execFileSync('dcmdump', [path], { encoding: 'utf8' });
    expect(dump).toContain(`[${original.sop}]`);
    expect(dump).toContain('[DEMO-0005]');
    expect(dump).toContain(`[${identity.header.study.uid}]`);
  });

  it('writes a Secondary Capture whose pixels are the rendered PNG', () => {
    const rgb = new Uint8Array(20 * 10 * 3).map((_, i) => (i * 13) % 251);
    const image = decodePngToRgb(encodePng(20, 10, 3, rgb));
    expect(Buffer.from(image.rgb).equals(Buffer.from(rgb))).toBe(true);
    const { bytes } = buildSecondaryCapture({
      identity,
      image,
      caption: 'L5 pars defect',
      source: null,
      seriesUid: '2.25.1',
      seriesNumber: 9902,
      instanceNumber: 1,
      at,
    });
    const path = join(dir.path, 'sc.dcm');
    writeFileSync(path, bytes);
    expect(ioErrors(path)).toEqual([]);
    expect(pixelsOf(path).pixels.equals(Buffer.from(rgb))).toBe(true);
  });

  it('wraps a real PDF as Encapsulated PDF, byte for byte', () => {
    const pdf = smallPdf('Revision recommended');
    const pdfPath = join(dir.path, 'report.pdf');
    writeFileSync(pdfPath, pdf);
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+1/);
    const { bytes } = buildEncapsulatedPdf({ identity, pdf, title: 'Case report', at, seriesNumber: 9903 });
    const path = join(dir.path, 'pdf.dcm');
    writeFileSync(path, bytes);
    expect(ioErrors(path)).toEqual([]);
    const back = join(dir.path, 'back.pdf');
    execFileSync('dcm2pdf', [path, back]);
    expect(execFileSync('pdftotext', [back, '-'], { encoding: 'utf8' })).toContain('Revision recommended');
  });
});
