import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLAG_RULES } from '../../shared/evaluation/flags/index.ts';
import { clinicalRulesMarkdown } from '../../shared/evaluation/rules-doc.ts';

describe('docs/clinical-rules.md', () => {
  it('is what the rule definitions generate (regenerate: npm run cli -- clinical-rules --out docs/clinical-rules.md)', () => {
    const committed = readFileSync(new URL('../../docs/clinical-rules.md', import.meta.url), 'utf8');
    expect(committed).toBe(clinicalRulesMarkdown());
  });

  it('lists every flag with its primary source', () => {
    const text = clinicalRulesMarkdown();
    for (const rule of FLAG_RULES) expect(text).toContain(`\`${rule.id}\``);
    expect(text).toContain('Mok JM et al., Spine 2008');
    expect(text).not.toMatch(/DOMAIN\.md/);
  });
});
