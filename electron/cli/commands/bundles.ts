import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { call } from '../call.ts';
import type { Command, Values } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

/** The first line of the password file (a trailing newline is not part of the password). */
function passwordFrom(values: Values): string | undefined {
  const file = stringOption(values, 'password-file');
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new UsageError(`Cannot read the password file ${file}.`);
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  if (!password) throw new UsageError('The password file is empty.');
  return password;
}

export const exportBundleCommand: Command = {
  name: 'export-bundle',
  summary:
    'Export a case as a de-identified second-opinion bundle (.scrcase); on a case received for review, export the reply.',
  usage:
    'export-bundle --case ID --out FILE [--password-file F] [--confirm-burned-in] [--keep-dates] [--json]',
  options: {
    case: { type: 'string' },
    out: { type: 'string' },
    'password-file': { type: 'string' },
    'confirm-burned-in': { type: 'boolean' },
    'keep-dates': { type: 'boolean' },
  },
  needsBackend: true,
  async run({ values, backend, io }) {
    const caseArg = stringOption(values, 'case');
    const caseId = Number(caseArg);
    if (!(Number.isInteger(caseId) && caseId > 0))
      throw new UsageError('export-bundle needs --case ID (a case number).');
    const out = stringOption(values, 'out');
    if (!out) throw new UsageError('export-bundle needs --out FILE.');
    const password = passwordFrom(values);
    const outPath = resolve(out);
    const state = await call(backend, 'secondOpinion.state', { caseId });
    const result =
      state.role === 'reviewer'
        ? {
            kind: 'reply' as const,
            ...(await call(backend, 'secondOpinion.exportReply', {
              caseId,
              outPath,
              ...(password ? { password } : {}),
            })),
          }
        : {
            kind: 'case' as const,
            ...(await call(backend, 'secondOpinion.exportBundle', {
              caseId,
              outPath,
              keepDates: values['keep-dates'] === true,
              cleanDescriptors: true,
              confirmBurnedIn: values['confirm-burned-in'] === true,
              reviewed: {},
              ...(password ? { password } : {}),
            })),
          };
    const summary = { ...result, encrypted: !!password };
    if (io.json) return io.out(JSON.stringify(summary, null, 2));
    io.out(
      `Wrote ${result.kind === 'reply' ? 'the reply' : 'case'} bundle ${result.pseudonym} to ${result.path} (${result.bytes} bytes${password ? ', password-protected' : ''}).`,
    );
  },
};

export const importBundleCommand: Command = {
  name: 'import-bundle',
  summary:
    'Import a second-opinion bundle: a case to review, or a reply to merge into the case it was sent from.',
  usage: 'import-bundle FILE [--password-file F] [--json]',
  options: { 'password-file': { type: 'string' } },
  needsBackend: true,
  async run({ values, positionals, backend, io }) {
    if (positionals.length !== 1) throw new UsageError('import-bundle needs exactly one .scrcase file.');
    const password = passwordFrom(values);
    const result = await call(backend, 'secondOpinion.importBundle', {
      path: resolve(positionals[0]!),
      ...(password ? { password } : {}),
    });
    if (io.json) return io.out(JSON.stringify(result, null, 2));
    if (result.kind === 'case')
      io.out(
        result.alreadyImported
          ? `Bundle ${result.pseudonym} was already imported as case ${result.caseId}.`
          : `Imported bundle ${result.pseudonym} as case ${result.caseId} (${result.instances} images).`,
      );
    else
      io.out(
        result.merged
          ? `Merged the reply for ${result.pseudonym} into case ${result.caseId}.`
          : `This reply for ${result.pseudonym} was already merged into case ${result.caseId}; nothing changed.`,
      );
  },
};
