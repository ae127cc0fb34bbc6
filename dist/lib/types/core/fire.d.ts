import { type KeyRule } from './accounts.js';
import { type RefoldEvent } from './answers.js';
import type { RefoldClient, TriggerAnswer } from './client.js';
import { CallFailed, type AttemptRecord } from './errors.js';
import type { Naming } from './naming.js';
import { type Attempted, type Clock } from './retry.js';
import type { Settings } from './settings.js';
import { type DurationsSeen, type ExecutionStatus, type WaitResult } from './wait.js';
/** The slice of Settings the triggers and waits need. */
export type FireSettings = Pick<Settings, 'apiKey' | 'baseUrl' | 'event' | 'configId' | 'slug' | 'idempotencyKey' | 'dryRun' | 'wait' | 'waitTimeoutMs' | 'waitIntervalMs' | 'waitSettleMs' | 'expectedWorkflows' | 'stopUnfinished' | 'preflight' | 'concurrency'>;
/** How one linked account fared; the `results` output is made of these. */
export interface AccountResult {
    linkedAccountId: string;
    ok: boolean;
    statusCode: number | null;
    message: string;
    errorCode: string | null;
    httpErrorType: string | null;
    /** The last attempt's body (redacted and capped where it was read). */
    response: string;
    attempts: number;
    idempotencyKey: string;
    executionStatus: ExecutionStatus | null;
    /** Each attempt of the trigger, for the summary. */
    attemptLog: AttemptRecord[];
    durationMs: number;
    /** Why it failed, hints included; undefined when ok. */
    failure?: Error;
    /** What to check next, one sentence each. */
    hints: string[];
    /** Set when the trigger was never sent, or its answer never came: the reason. */
    notSent?: string;
    wait?: WaitResult;
}
export interface Log {
    info(line: string): void;
    warning(line: string): void;
    notice(line: string): void;
}
/** Everything one run's triggers and waits share, passed as one value. */
export interface RunContext {
    settings: FireSettings;
    client: Pick<RefoldClient, 'trigger' | 'listEvents' | 'listExecutions' | 'getExecution' | 'stopExecution' | 'listLinkedAccounts'>;
    clock: Clock;
    log: Log;
    /** Aborted when the run is cancelled: no new request starts. */
    signal: AbortSignal;
    /** Aborted once a cancelled run has given its requests in flight their grace. */
    graceOver: AbortSignal;
    /** The org's events list, read at most once per run. */
    events: () => Promise<Attempted<RefoldEvent[]>>;
    /** How every account's Idempotency-Key is made. */
    keys: KeyRule;
    /** The shared part of every account's instance_tag: unique per run attempt. */
    tagPrefix: string;
    /** The payload, serialized once per run and shared by every account's trigger. */
    payloadJson: string;
    /** How the door's user names each setting, for messages. */
    naming: Naming;
    /** What the waits learn of workflow durations, shared so a fan-out polls little. */
    durations: DurationsSeen;
    /** Failed-execution details the run may still read (the summary shows that many). */
    detailReads: {
        left: number;
    };
}
/** What the triggers of a run produced. */
export interface Fired {
    results: AccountResult[];
    /** From the first trigger to the end of the last. */
    durationMs: number;
}
export declare const CANCELLED = "cancelled";
/**
 * Triggers every account, `concurrency` accounts at a time (the client's limiter bounds the
 * requests themselves), until an org-wide refusal or a cancel leaves the rest not sent. With wait,
 * each accepted account starts waiting at once, and its result comes when the wait ends.
 */
export declare function fireAll(ctx: RunContext, accounts: readonly string[]): Promise<Fired>;
/** Every account's result in a dry run: nothing sent, and the request the first would get. */
export declare function dryRun(ctx: RunContext, accounts: readonly string[]): {
    results: AccountResult[];
    printedRequest: string;
};
/** Every account's result when none was sent, for `reason`. */
export declare function notSentAll(ctx: Pick<RunContext, 'keys'>, accounts: readonly string[], reason: string): AccountResult[];
/** Every page of GET /linked-account, read before anything is fired; sorted by code point. */
export declare function everyLinkedAccount(ctx: Pick<RunContext, 'client' | 'log' | 'naming' | 'signal' | 'graceOver'>): Promise<string[]>;
/** The accounts of this job's shard, in the order given. */
export declare function shardOf(accounts: readonly string[], shard: Settings['shard']): readonly string[];
/** What the trigger for one account did. */
type Trigger = {
    kind: 'accepted';
    answer: TriggerAnswer;
    attempts: AttemptRecord[];
    durationMs: number;
} | {
    kind: 'refused';
    error: CallFailed;
    hints: string[];
    durationMs: number;
}
/** Sent, but the run was cancelled before its answer came. */
 | {
    kind: 'unknown';
    durationMs: number;
} | {
    kind: 'not-sent';
    reason: string;
} | {
    kind: 'dry-run';
};
/** One account's result, folded once from its trigger and, with wait, what the wait saw. */
export declare function accountResult(linkedAccountId: string, idempotencyKey: string, trigger: Trigger, wait?: WaitResult): AccountResult;
export {};
