import { join } from 'node:path';
import type { Command } from '../command.ts';
import { importAndWait } from '../import-and-wait.ts';
import { printSummary } from './import.ts';

export const reindexCommand: Command = {
  name: 'reindex',
  summary: 'Rebuild the imaging index from the image store (recovery when the database was lost).',
  usage: 'reindex [--json]',
  options: {},
  needsBackend: true,
  async run({ backend, io }) {
    // Objects already in the store are re-read, never re-written: the import finds them in place.
    const objects = join(backend!.ctx.info.dataDir, 'store', 'objects');
    printSummary(io, await importAndWait(backend, [objects], undefined, io.json));
  },
};
