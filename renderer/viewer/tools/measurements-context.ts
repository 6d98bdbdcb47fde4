import { createContext } from 'react';
import type { MeasurementsModel } from './use-measurements.ts';

/** The case's measurements, for every viewport of the page. */
export const MeasurementsContext = createContext<MeasurementsModel | null>(null);
