import type { DiscussionFlag } from '../../../shared/evaluation/index.ts';
import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

/** The fields a flag reports on the command line: what, how serious, found, against what, why. */
export function flagSummary(f: DiscussionFlag) {
  return {
    id: f.id,
    level: f.level,
    label: f.label,
    found: f.detail,
    threshold: f.threshold,
    source: f.source,
  };
}

export const flagsCommand: Command = {
  name: 'flags',
  summary: 'Show the discussion flags of a case’s current evaluation (urgent first).',
  usage: 'flags --case ID [--json]',
  options: { case: { type: 'string' } },
  needsBackend: true,
  async run({ values, backend, io }) {
    const raw = stringOption(values, 'case');
    const caseId = Number(raw);
    if (!raw || !Number.isInteger(caseId) || caseId <= 0)
      throw new UsageError('flags needs --case ID (a case number).');
    const state = await call(backend, 'evaluation.get', { caseId });
    const flags = state.flags.map(flagSummary);
    if (io.json) return io.out(JSON.stringify({ caseId, version: state.version, flags }, null, 2));
    if (flags.length === 0) return io.out(`Case ${caseId}: no flags.`);
    io.out(
      `Case ${caseId}, evaluation version ${state.version}: ${flags.length} flag${flags.length === 1 ? '' : 's'}`,
    );
    for (const f of flags) {
      io.out(`[${f.level.toUpperCase()}] ${f.label} (${f.id})`);
      io.out(`  found:     ${f.found}`);
      io.out(`  threshold: ${f.threshold}`);
      io.out(`  source:    ${f.source}`);
    }
  },
};
