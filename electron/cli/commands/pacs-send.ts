import { SEND_WHAT } from '../../../shared/contract/pacs-schemas.ts';
import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';
import { archiveIdByName } from './pacs-search.ts';

export const pacsSendCommand: Command = {
  name: 'pacs-send',
  summary:
    'Send a case’s key images (KOS, optionally captioned captures), measurement SR or report PDF to an archive.',
  usage: 'pacs-send --pacs N --case ID --what key-images|sr|report [--captures] [--json]',
  options: {
    pacs: { type: 'string' },
    case: { type: 'string' },
    what: { type: 'string' },
    captures: { type: 'boolean' },
  },
  needsBackend: true,
  async run({ values, backend, io }) {
    const archiveId = await archiveIdByName(backend, stringOption(values, 'pacs'));
    const caseId = Number(stringOption(values, 'case'));
    if (!Number.isInteger(caseId) || caseId <= 0) throw new UsageError('pacs-send needs --case ID.');
    const what = stringOption(values, 'what');
    if (!SEND_WHAT.includes(what as never)) throw new UsageError(`--what is one of ${SEND_WHAT.join(', ')}.`);
    const result = await call(backend, 'pacs.send', {
      archiveId,
      caseId,
      what: what as (typeof SEND_WHAT)[number],
      ...(values.captures ? { withCaptures: true } : {}),
    });
    if (io.json) io.out(JSON.stringify(result, null, 2));
    else io.out(`Sent ${result.sent.length} objects; ${result.failed.length} refused.`);
    for (const f of result.failed) if (!io.json) io.out(`  ${f.path}: ${f.reason}`);
    if (result.failed.length) process.exitCode = 1;
  },
};
