import type { Naming } from './naming.js';
import type { RefoldApiError } from './errors.js';
/** What to check after a refusal (every 3xx and 4xx has one); undefined for a server error. */
export declare function hintFor(error: RefoldApiError, apiKey: string, naming: Pick<Naming, 'name'>): string | undefined;
/**
 * The hint that names the events closest to `wanted` (server text, made safe for a log line), or
 * undefined when none is close: what the 404 INVALID_EVENT and the check before firing both say.
 */
export declare function closestEventsHint(wanted: string, names: readonly string[]): string | undefined;
/** The event names closest to `wanted`, best first: same name in another case, then small typos. */
export declare function closestEventNames(wanted: string, names: readonly string[], count?: number): string[];
/** A linked account's key can fire events but not list them; said on a 401 from any list. */
export declare const ORG_KEY_HINT: string;
