import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhantomManifest } from '../../../electron/services/phantom/generate-phantom.ts';
import { generatePhantom } from '../../../electron/services/phantom/generate-phantom.ts';
import type { RetrieveProgress } from '../../../shared/contract/pacs-schemas.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { PYDICOM_TEST_FILES } from '../../support/dicom-corpus.ts';
import type { RunningOrthanc } from '../../support/orthanc.ts';
import type { TempBackend } from '../../support/temp-backend.ts';
import { expectOk } from '../../support/temp-backend.ts';

export interface ArchiveContent {
  phantom: PhantomManifest;
  /** Uploaded corpus files that Orthanc accepted. */
  corpusStored: number;
}

/** Uploads the pydicom corpus and a small phantom case (CT and MR studies) through Orthanc's REST API. */
export async function fillArchive(orthanc: RunningOrthanc, phantomDir: string): Promise<ArchiveContent> {
  const phantom = await generatePhantom({
    outDir: phantomDir,
    seed: 3,
    ctSlices: 24,
    ctMatrix: 64,
    include: ['ct', 'mr'],
  });
  await orthanc.uploadAll([join(phantom.outDir, 'DICOM')]);
  const corpusStored = await orthanc.uploadAll([PYDICOM_TEST_FILES]);
  return { phantom, corpusStored };
}

export async function retrieveAndWait(
  b: TempBackend,
  input: Parameters<TempBackend['call']>[1] & object,
): Promise<RetrieveProgress> {
  const { retrieveId } = expectOk(await b.call('pacs.retrieve', input as never));
  await b.ctx.pacs.wait(retrieveId);
  return expectOk(await b.call('pacs.retrieveStatus', { retrieveId }));
}

/** Transfer syntax and raw pixel bytes of a Part 10 file (the bytes the viewer decodes). */
export function pixelsOf(path: string): { sop: string; ts: string; pixels: Buffer } {
  const bytes = readFileSync(path);
  const parsed = parseDicom(bytes);
  const ds = parsed.dataSet;
  const el = ds.elements.x7fe00010;
  const arr = ds.byteArray as Uint8Array;
  const pixels = el
    ? el.fragments?.length
      ? Buffer.concat(el.fragments.map((f) => arr.subarray(f.position, f.position + f.length)))
      : arr.subarray(el.dataOffset, el.dataOffset + el.length)
    : Buffer.alloc(0);
  return { sop: ds.string('x00080018') ?? '', ts: parsed.transferSyntax.uid, pixels: Buffer.from(pixels) };
}

/** A small real PDF (one page, one line of text), written by hand to the PDF 1.4 syntax. */
export function smallPdf(text: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 14 Tf 72 770 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
