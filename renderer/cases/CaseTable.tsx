import type { CaseSummary } from '../../shared/domain/case.ts';
import { routeHref } from '../app/route.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { formatDateTime } from './format.ts';

export function CaseTable({ cases }: { cases: CaseSummary[] }) {
  return (
    <table className="case-table">
      <caption className="visually-hidden">{cases.length} cases</caption>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Patient</th>
          <th scope="col">MRN</th>
          <th scope="col">Status</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id}>
            <td>
              <a href={routeHref({ page: 'case', id: c.id })}>{c.title}</a>
            </td>
            <td>{c.patientName ?? <span className="muted">—</span>}</td>
            <td className="mono">{c.mrn ?? <span className="muted">—</span>}</td>
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td>{formatDateTime(c.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
