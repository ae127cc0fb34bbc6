import { type RefoldEvent } from './answers.js';
import type { RefoldClient, TriggerAnswer } from './client.js';
import { type Attempted, type Clock } from './retry.js';
import type { Settings } from './settings.js';
export type ExecutionStatus = 'COMPLETED' | 'FAILED' | 'TIMED_OUT' | 'NONE' | 'CANCELLED';
/** Which rule matched the executions seen: our `instance_tag`, the time window, or both. */
export type Correlation = 'tag' | 'time' | 'tag+time';
/** One execution as the `executions` output lists it. */
export interface ExecutionSummary {
    id: string;
    /** `associated_workflow.name`, else the execution's own name. */
    workflow: string;
    /** Upper-cased; `status missing` when the execution carried none that could be read. */
    status: string;
    created_at: string;
    /** Not in the output; shown in the job summary. */
    finished_at?: string;
    /** `created_at` to `finished_at`, when both are known. Not in the output. */
    durationMs?: number;
}
/** What `GET /execution/{id}` told about a failed execution, for the job summary. */
export interface FailedExecution {
    id: string;
    /** As in ExecutionSummary. */
    workflow: string;
    /** The detail's own name, status and error text, each when it has one. */
    name?: string;
    status?: string;
    error?: string;
    /** The first node that failed, with its error when it carries one. */
    failedNode?: {
        name: string;
        error?: string;
    };
}
/** A stop asked of Refold for an execution still in progress when the wait ran out or was cancelled. */
export interface StoppedExecution {
    id: string;
    workflow: string;
    /** Refold accepted the stop. */
    ok: boolean;
    /** Why the stop failed. */
    error?: string;
}
export interface WaitResult {
    /** Every execution seen completed, and the wait ran to its end. */
    ok: boolean;
    status: ExecutionStatus;
    /** Oldest first. */
    executions: ExecutionSummary[];
    /** One line for the log, the summary heading and, on failure, the error. */
    headline: string;
    /** From the start of the wait (the trigger's answer) to its verdict, on the run's clock. */
    durationMs: number;
    /** The detail of up to 5 failed executions; one whose detail could not be read is left out. */
    details: FailedExecution[];
    /** What the author should check, when a list call was refused in a way a setting can fix. */
    hint?: string;
    /** Polls of the executions list (each reads every page). */
    polls: number;
    /** HTTP requests the wait made: every page, detail, stop and retry; not the events list. */
    requests: number;
    /** Which rule matched the executions seen; undefined when none was seen. */
    correlation?: Correlation;
    /** The stops asked (`stop_unfinished`), one per execution still in progress; else empty. */
    stopped: StoppedExecution[];
}
export interface WaitContext {
    client: Pick<RefoldClient, 'listExecutions' | 'getExecution' | 'stopExecution'>;
    settings: Pick<Settings, 'event' | 'configId' | 'slug' | 'waitTimeoutMs' | 'waitIntervalMs' | 'waitSettleMs' | 'expectedWorkflows' | 'stopUnfinished'>;
    /** The org's events list, read once per run and shared by every account's wait. */
    events: () => Promise<Attempted<RefoldEvent[]>>;
    clock: Clock;
    log: {
        info(line: string): void;
        warning(line: string): void;
    };
    /** Aborted when the run is cancelled (SIGINT/SIGTERM, or the library's signal). */
    signal: AbortSignal;
    /**
     * What the run's waits learned of how long each workflow takes. Give every account's wait the
     * same one, so a fan-out times its polls from the first workflows that finish; without it, a
     * wait learns from its own executions only.
     */
    durations?: DurationsSeen;
    /**
     * Failed executions whose detail may still be read, shared by every account's wait: the
     * summary shows at most that many, so a fan-out reads no more. Default: MAX_DETAILS per wait.
     */
    detailReads?: {
        left: number;
    };
}
/**
 * How long each workflow took, across the waits of one run, and which of its executions are in
 * progress. A wait whose execution is younger than one still in progress elsewhere leaves the
 * timing to that older one's wait and polls once its duration is known: the fan-out then costs
 * about two polls per account, not one per doubling step.
 */
export declare class DurationsSeen {
    private readonly workflows;
    /** The longest duration seen for `workflow`, in ms. */
    longest(workflow: string): number | undefined;
    /** An execution of `workflow` seen in progress; `created` on the server's clock. */
    running(workflow: string, id: string, created: number): void;
    /** An execution of `workflow` seen finished, having taken `durationMs` at most. */
    finished(workflow: string, id: string, durationMs: number): void;
    /** A wait that ends no longer times the executions it saw in progress. */
    withdraw(workflow: string, id: string): void;
    /** Whether an execution of `workflow` created before `created` is in progress, as last seen. */
    olderRunning(workflow: string, created: number): boolean;
    /** Aborted when `workflow`'s duration becomes known, or an execution timing it is withdrawn. */
    signal(workflow: string): AbortSignal;
    private entry;
    private changed;
}
export declare const MAX_DETAILS = 5;
/**
 * Waits for the executions the trigger for `account` started, tagged `instanceTag` (empty: none
 * was sent). The verdict comes once at least one execution was seen and every one seen finished:
 * with `expected_workflows`, when that many were seen; else on a poll made `wait_settle` after
 * the trigger that finds nothing new. Polls come 1 s after the trigger, then 2, 4, 8 … s apart
 * up to `wait_interval`, none before `wait_settle` once an execution was seen, and none before a
 * running workflow is expected to finish, from the durations seen.
 */
export declare function waitForExecutions(ctx: WaitContext, account: string, answer: Pick<TriggerAnswer, 'headers'>, instanceTag: string): Promise<WaitResult>;
/** The wait's result when there was nothing to wait for: the event was not accepted. */
export declare function notWaited(settings: Pick<Settings, 'event'>): WaitResult;
/** The wait's result when it broke on a bug: the event was fired, so the outputs still say so. */
export declare function waitBroke(settings: Pick<Settings, 'event'>, error: unknown): WaitResult;
/** A status that is neither in progress nor a success (upper-cased, as executions are reported). */
export declare function isFailed(status: string): boolean;
