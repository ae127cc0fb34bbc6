import { type AccountSelection, type Shard } from './accounts.js';
import type { InputName, Naming } from './naming.js';
import type { Payload } from './payload.js';
/** Where settings come from, by action.yml name. */
export interface SettingsSource {
    /**
     * One setting: text as a door read it, or a typed value from the library (number, boolean,
     * array, object); undefined or '' when unset, which takes the default.
     */
    read(input: InputName): unknown;
    /** Told the api key the moment it is read, so the host can mask it before anything is logged. */
    secret?(value: string): void;
    debug?(message: string): void;
}
export type GithubContextMode = 'auto' | 'always' | 'never';
export type PreflightMode = 'auto' | 'always' | 'never';
/** Where the user's payload comes from, before it is parsed. */
export type PayloadSource = {
    kind: 'none';
} | {
    kind: 'inline';
    text: string;
} | {
    kind: 'file';
    path: string;
}
/** The library's payload, an object already. */
 | {
    kind: 'value';
    value: Payload;
};
export interface Settings {
    /** Refold API key; '' only in a dry run without one. Already handed to the host to mask. */
    apiKey: string;
    /** Event name, exact case. */
    event: string;
    /** The linked accounts (customers) the event is for: a list, a file, or every account. */
    accounts: AccountSelection;
    /** The slice of the accounts this job fires for, in a matrix of jobs. */
    shard?: Shard;
    /** Sent as the `config_id` header when set. */
    configId?: string;
    /** Sent as the `slug` header when set: only that app's workflows run. */
    slug?: string;
    /** The user's payload, unparsed. */
    payload: PayloadSource;
    /** How the GitHub context summary enters the payload. */
    githubContext: GithubContextMode;
    /** API origin without a trailing slash. */
    baseUrl: string;
    /** Time allowed for one HTTP attempt, connect and response. */
    timeoutMs: number;
    /** Retries after the first attempt, for retryable failures only. */
    retries: number;
    /** When false, a failed trigger or wait is a warning and the step succeeds. */
    failOnError: boolean;
    /** The idempotency_key setting; undefined when the door generates the key. */
    idempotencyKey?: string;
    /** Build and print the request, send nothing. */
    dryRun: boolean;
    /** Wait for the workflow executions the event started. */
    wait: boolean;
    waitTimeoutMs: number;
    waitIntervalMs: number;
    /** Time after a trigger was accepted before its gate may give a verdict. */
    waitSettleMs: number;
    /** Executions each trigger starts; when set, the gate waits for that many (no settle window). */
    expectedWorkflows?: number;
    /** On cancel or TIMED_OUT, stop the matched executions still in progress. */
    stopUnfinished: boolean;
    /** When to check the event and payload against Refold's events list before firing. */
    preflight: PreflightMode;
    /** Write a job summary. */
    summary: boolean;
    /** Most requests per second, every call of the run counted. */
    rateLimit: number;
    /** Most requests in flight at once; also the rate limiter's burst. */
    concurrency: number;
}
export declare function readSettings(source: SettingsSource, naming: Naming): Settings;
/** The values a number setting accepts; the error message is built from it. */
export interface NumberRange {
    min: number;
    max: number;
    /** Whole numbers only. */
    integer: boolean;
    /** What the number counts, e.g. `seconds`; omitted for a plain number. */
    unit?: string;
}
export declare const RATE_LIMIT_RANGE: NumberRange;
export declare const CONCURRENCY_RANGE: NumberRange;
/**
 * A URL as it may be quoted in an error: everything up to the last "@" of what could be its
 * authority is dropped, so a user name or password (even one holding "/" or ":") never shows.
 */
export declare function withoutCredentials(value: string): string;
