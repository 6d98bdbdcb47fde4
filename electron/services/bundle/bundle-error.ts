import { AppError } from '../../../shared/contract/result.ts';

/** Refusals of a bundle the user can act on: wrong password, a changed file, not a bundle. */
export const bundleError = (message: string): AppError => new AppError('INVALID_INPUT', message);
