import { writeFileSync } from 'node:fs';
import { clinicalRulesMarkdown } from '../../../shared/evaluation/rules-doc.ts';
import type { Command } from '../command.ts';
import { stringOption } from '../command.ts';

export const clinicalRulesCommand: Command = {
  name: 'clinical-rules',
  summary: 'Print (or write with --out) the clinical rules reference generated from the app’s rules.',
  usage: 'clinical-rules [--out docs/clinical-rules.md]',
  options: { out: { type: 'string' } },
  needsBackend: false,
  run({ values, io }) {
    const text = clinicalRulesMarkdown();
    const out = stringOption(values, 'out');
    if (!out) io.out(text);
    else {
      writeFileSync(out, text);
      io.out(`Wrote ${out}`);
    }
    return Promise.resolve();
  },
};
