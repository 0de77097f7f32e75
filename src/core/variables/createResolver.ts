import type { Resolver, VariableSources } from './types';

/** A resolver over file variables, environment, built-ins and named responses. */
export function createResolver(_sources: VariableSources): Resolver {
  throw new Error('createResolver: not implemented yet (variables helper)');
}
