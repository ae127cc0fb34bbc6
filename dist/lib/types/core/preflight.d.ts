import type { AccountSelection } from './accounts.js';
import type { Naming } from './naming.js';
import type { Payload } from './payload.js';
import type { Attempted } from './retry.js';
import type { RefoldEvent } from './answers.js';
import type { Settings } from './settings.js';
export type PreflightStatus = 'passed' | 'no_schema' | 'failed' | 'skipped' | 'off';
/** A check that failed: nothing was fired. `code` is the `error_code` output. */
export declare class PreflightError extends Error {
    readonly code: 'PAYLOAD_INVALID' | 'INVALID_EVENT' | 'PREFLIGHT_UNAVAILABLE';
    /** Each place the payload breaks the schema: a JSON Pointer and what the schema wants. */
    readonly violations: string[];
    name: string;
    constructor(message: string, code: 'PAYLOAD_INVALID' | 'INVALID_EVENT' | 'PREFLIGHT_UNAVAILABLE', 
    /** Each place the payload breaks the schema: a JSON Pointer and what the schema wants. */
    violations?: string[]);
}
export interface Preflight {
    status: PreflightStatus;
    /** Set when the check failed: the run stops here. */
    failure?: PreflightError;
}
interface PreflightContext {
    settings: Pick<Settings, 'event' | 'preflight' | 'wait' | 'dryRun' | 'apiKey'>;
    events: () => Promise<Attempted<RefoldEvent[]>>;
    log: {
        info(line: string): void;
        warning(line: string): void;
        notice(line: string): void;
    };
    naming: Naming;
}
/**
 * The check, when this run makes it: `auto` when it names more than one account (counted before
 * shard: a list, a file, `*`), waits, or is a dry run; `true` always; `false` never. A dry run
 * without a key cannot check (`true` without a key is an input error, in settings).
 */
export declare function checkBeforeFiring(ctx: PreflightContext, accounts: AccountSelection, payload: Payload): Promise<Preflight>;
export {};
