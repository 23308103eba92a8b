import { BitextError } from '../errors.js';

/** An edit refused because what it was made on has changed (another tab, a later edit): 409. */
export class StaleEditError extends BitextError {}

/** A document, pair or sentence the store does not hold: 404. */
export class NotFoundError extends BitextError {}
