import { type AccountResult, type Log, type RunContext } from './fire.js';
import type { ProxyEnv } from './http.js';
import type { Naming } from './naming.js';
import { type PreflightStatus } from './preflight.js';
import type { Clock } from './retry.js';
import type { Settings } from './settings.js';
import { type Correlation, type ExecutionStatus } from './wait.js';
export interface Outcome {
    event: string;
    payloadJson: string;
    dryRun: boolean;
    /** A dry run's request, as it would be sent to the first account. */
    printedRequest?: string;
    results: AccountResult[];
    /** Every account ok (and, with wait, every execution completed), and nothing failed before. */
    ok: boolean;
    /** Trigger attempts of all accounts. */
    attempts: number;
    /** From the first trigger to the end of the last. */
    durationMs: number;
    /** The key sent, or with several accounts the part they share. */
    idempotencyKey: string;
    /** A failure before any event was fired: the account list could not be read, or was empty. */
    failure?: Error;
    /** With wait: the worst of every account's executions, or CANCELLED. */
    executionStatus?: ExecutionStatus;
    /** With wait: which rules matched executions to their triggers. */
    correlation?: Correlation;
    /** The run was cancelled (a signal, or the library's abort) before it ended. */
    cancelled: boolean;
    /** Worth a notice, not a failure: an empty shard, a resume with nothing left to fire. */
    notice?: string;
    /** The JSON Lines file holding every account's result, when one was written. */
    resultsFile?: string;
    /** What the check before firing found. */
    preflight: PreflightStatus;
}
/** What a door hands the core: its capabilities and its words. */
export interface RunHost {
    clock: Clock;
    log: Log;
    /** Aborting it cancels the run as SIGINT does: no new request, a record of what happened. */
    signal?: AbortSignal;
    /** HTTPS_PROXY, HTTP_PROXY and NO_PROXY as the host has them (an empty object: no proxy). */
    proxyEnv: ProxyEnv;
    naming: Naming;
    /** Where relative file paths are resolved from (the workspace on a runner). */
    baseDir: string;
    /** The GitHub context summary, for the action; other doors have none. */
    githubSummary?: () => Promise<object>;
    /** The generated Idempotency-Key's shared part: the run's coordinates, or a UUID. */
    keyPrefix: string;
    /** The shared part of every instance_tag: unique per run attempt. */
    tagPrefix: string;
    /** Where to write every account's result as JSON Lines; no file when undefined. */
    resultsFile?: ResultsFileRequest;
    /** The Refold client to use instead of the one the settings make (a test's stub). */
    client?: RunContext['client'];
}
export interface ResultsFileRequest {
    path: string;
    /** The action writes one only for several accounts; the CLI whenever asked. */
    severalOnly: boolean;
}
/**
 * One run. Input errors (a payload or accounts file that cannot be used) are thrown as InputError
 * before anything is sent; everything after that is in the Outcome.
 */
export declare function run(settings: Settings, host: RunHost): Promise<Outcome>;
