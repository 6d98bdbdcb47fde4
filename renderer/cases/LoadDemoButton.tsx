import { useLoadDemo } from './use-load-demo.ts';

/** "Load demo case": a synthetic failed L4–S1 fusion with CT, standing X-rays and MRI, for training. */
export function LoadDemoButton({ primary = false }: { primary?: boolean }) {
  const { load, busy, error } = useLoadDemo();
  return (
    <>
      <button type="button" className={primary ? 'button-primary' : ''} onClick={load} disabled={busy}>
        {busy ? 'Generating demo images…' : 'Load demo case'}
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </>
  );
}
