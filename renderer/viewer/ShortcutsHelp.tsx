import { ModalDialog } from '../app/ModalDialog.tsx';

const KEYS: [string, string][] = [
  ['↑ ↓ ← →, wheel', 'Previous / next image'],
  ['Page Up / Page Down', '10 images back / forward'],
  ['Home / End', 'First / last image'],
  ['C', 'Cine play / stop'],
  ['1 – 9', 'Window presets of the active viewport'],
  ['W  P  Z  S', 'Left mouse: window/level, pan, zoom, scroll'],
  ['Right drag / Ctrl+drag', 'Zoom'],
  ['Middle drag / Shift+drag', 'Pan'],
  ['F  O', 'Fit, 1:1'],
  ['I  R  H  V', 'Invert, rotate 90°, flip horizontal, flip vertical'],
  ['0', 'Reset the view'],
  ['[  ]', 'Previous / next viewport'],
  ['L', 'Next layout'],
  ['M, double click', 'Maximise the active viewport / back'],
  ['Y  X', 'Synchronised scrolling, reference lines'],
  ['T', 'Hide / show patient details'],
  ['K', 'Save the view as a key image'],
  ['B', 'Hide / show the series list'],
  ['Enter (in the series list)', 'Show the series in the active viewport'],
];

/** The keyboard map, for the projector and for anyone without a mouse. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Viewer keys" className="shortcuts" onEscape={onClose}>
      <table className="shortcuts-table">
        <tbody>
          {KEYS.map(([k, what]) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button-primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
