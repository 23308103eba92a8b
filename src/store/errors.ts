import { ConflictError } from '../errors.js';

export { NotFoundError } from '../errors.js';

/** An edit refused because what it was made on has changed (another tab, a later edit): 409. */
export class StaleEditError extends ConflictError {}
