import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { stringOption } from '../command.ts';

export const studiesCommand: Command = {
  name: 'studies',
  summary: 'List the image library: patients, studies, series and instance counts.',
  usage: 'studies [--mrn PATIENT-ID] [--json]',
  options: { mrn: { type: 'string' } },
  needsBackend: true,
  async run({ values, backend, io }) {
    const mrn = stringOption(values, 'mrn');
    const tree = await call(backend, 'studies.library', mrn === undefined ? {} : { mrn });
    if (io.json) return io.out(JSON.stringify(tree, null, 2));
    if (!tree.length) return io.out('The image library is empty.');
    for (const p of tree) {
      io.out(`${p.mrn}  ${p.name ?? ''}`);
      for (const s of p.studies) {
        io.out(
          `  ${s.date ?? '----------'}  ${s.modalities.join('/')}  ${s.description ?? ''}  (${s.series.length} series)`,
        );
        for (const se of s.series)
          io.out(
            `    #${se.number ?? '-'} ${se.modality ?? ''} ${se.description ?? ''}: ${se.instanceCount} instances`,
          );
      }
    }
  },
};
