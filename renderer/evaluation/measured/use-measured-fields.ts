import { useEffect, useState } from 'react';
import type { MeasuredField } from '../../../shared/measurements/form-links.ts';
import { measuredFields } from '../../../shared/measurements/form-links.ts';
import { api } from '../../api.ts';

/** The form values the stored measurements of a case give (read through the backend). */
export function useMeasuredFields(caseId: number): MeasuredField[] {
  const [fields, setFields] = useState<MeasuredField[]>([]);
  useEffect(() => {
    let current = true;
    void api['measurements.list']({ caseId }).then((r) => {
      if (current && r.ok) setFields(measuredFields(r.value));
    });
    return () => {
      current = false;
    };
  }, [caseId]);
  return fields;
}
