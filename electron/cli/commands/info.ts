import { readFile } from 'node:fs/promises';
import { PixelDecodeError } from '../../../shared/dicom/errors.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { readHeader } from '../../../shared/imaging/read-header.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

export const infoCommand: Command = {
  name: 'info',
  summary: 'Show what the importer reads from a DICOM file (the fields it indexes).',
  usage: 'info FILE [--json]',
  options: {},
  needsBackend: false,
  async run({ positionals, io }) {
    const [file] = positionals;
    if (!file) throw new UsageError('info needs a file.');
    const bytes = new Uint8Array(
      await readFile(file).catch(() => {
        throw new UsageError(`cannot read ${file}`);
      }),
    );
    let reading;
    try {
      reading = readHeader(parseDicom(bytes));
    } catch (e) {
      if (e instanceof PixelDecodeError) throw new UsageError(`${file}: ${e.message}`);
      throw e;
    }
    if (io.json) return io.out(JSON.stringify(reading, null, 2));
    if (reading.kind === 'dicomdir')
      return io.out(`DICOMDIR referencing ${reading.referencedFiles.length} files`);
    const { patient, study, series, instance } = reading.header;
    io.out(`Patient   ${patient.id}  ${patient.name ?? ''}  ${patient.birthDate ?? ''} ${patient.sex ?? ''}`);
    io.out(`Study     ${study.date ?? ''} ${study.description ?? ''}  ${study.uid}`);
    io.out(
      `Series    #${series.number ?? '-'} ${series.modality ?? ''} ${series.description ?? ''}  ${series.uid}`,
    );
    io.out(
      `Instance  #${instance.number ?? '-'} ${instance.rows ?? '?'}×${instance.columns ?? '?'}×${instance.frames}  ${instance.transferSyntax}  ${instance.photometric ?? ''}`,
    );
    for (const w of reading.warnings) io.out(`Warning   ${w}`);
  },
};
