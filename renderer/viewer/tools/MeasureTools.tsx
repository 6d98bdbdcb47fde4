import type { MeasurementTool } from '../../../shared/measurements/tools.ts';
import { TOOL_SPECS } from '../../../shared/measurements/tools.ts';
import type { Tool } from '../viewport/pointer-input.ts';

const GROUPS: { label: string; tools: MeasurementTool[] }[] = [
  { label: 'Measure', tools: ['length', 'angle', 'cobb', 'probe', 'ellipse', 'rectangle', 'calibration'] },
  { label: 'Annotate', tools: ['arrow', 'text'] },
  { label: 'Spine', tools: ['spinopelvic', 'segment', 'coronalBalance', 'halo'] },
];

/** The measurement tools of the left mouse button, in the toolbar. */
export function MeasureTools({ tool, onTool }: { tool: Tool; onTool: (t: Tool) => void }) {
  return (
    <>
      {GROUPS.map((g) => (
        <div key={g.label} className="tb-group" role="group" aria-label={g.label}>
          {g.tools.map((t) => (
            <button
              key={t}
              type="button"
              aria-pressed={tool === t}
              onClick={() => onTool(tool === t ? 'window' : t)}
              title={TOOL_SPECS[t].hint}
            >
              {TOOL_SPECS[t].label}
            </button>
          ))}
        </div>
      ))}
    </>
  );
}
