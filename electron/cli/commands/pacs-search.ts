import type { Backend } from '../../backend/create-backend.ts';
import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

/** The archive a `--pacs NAME` option names (names are unique, case-insensitive). */
export async function archiveIdByName(backend: Backend | null, name: string | undefined): Promise<number> {
  if (!name) throw new UsageError('Name the archive with --pacs (see pacs-add).');
  const found = (await call(backend, 'pacs.archives', {})).find(
    (a) => a.name.toLowerCase() === name.toLowerCase(),
  );
  if (!found) throw new UsageError(`No archive named "${name}" (add it with pacs-add).`);
  return found.id;
}

export const pacsSearchCommand: Command = {
  name: 'pacs-search',
  summary: 'Search a hospital archive for studies (patient → study, with what is already imported).',
  usage:
    'pacs-search --pacs N [--patient-id X] [--name "DOE*"] [--birth-date D] [--modality M] [--from D --to D] [--accession A] [--json]',
  options: {
    pacs: { type: 'string' },
    'patient-id': { type: 'string' },
    name: { type: 'string' },
    'birth-date': { type: 'string' },
    modality: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    accession: { type: 'string' },
  },
  needsBackend: true,
  async run({ values, backend, io }) {
    const archiveId = await archiveIdByName(backend, stringOption(values, 'pacs'));
    const pick = (flag: string, key: string) => {
      const v = stringOption(values, flag);
      return v === undefined ? {} : { [key]: v };
    };
    const result = await call(backend, 'pacs.search', {
      archiveId,
      query: {
        ...pick('patient-id', 'patientId'),
        ...pick('name', 'patientName'),
        ...pick('birth-date', 'birthDate'),
        ...pick('modality', 'modality'),
        ...pick('from', 'from'),
        ...pick('to', 'to'),
        ...pick('accession', 'accession'),
      },
    });
    if (io.json) return io.out(JSON.stringify(result, null, 2));
    if (result.note) io.out(result.note);
    for (const p of result.patients) {
      io.out(`${p.patientId}  ${p.patientName}  ${p.birthDate ?? ''}`);
      for (const s of p.studies)
        io.out(
          `  ${s.studyDate ?? '----------'}  ${s.modalities.join('/')}  ${s.description}  ${s.instanceCount ?? '?'} images${s.storedInstances ? ` (${s.storedInstances} imported)` : ''}  ${s.studyUid}`,
        );
    }
  },
};
