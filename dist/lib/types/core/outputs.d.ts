import type { AccountResult } from './fire.js';
import type { Outcome } from './run.js';
import { Outputs } from './names.js';
import { type PreflightStatus } from './preflight.js';
import { type Correlation, type ExecutionStatus, type ExecutionSummary } from './wait.js';
export interface OutcomeOutputs {
    [Outputs.Ok]: boolean;
    [Outputs.StatusCode]: number | null;
    [Outputs.Message]: string;
    [Outputs.ErrorCode]: string | null;
    [Outputs.HttpErrorType]: string | null;
    [Outputs.Response]: string;
    [Outputs.Attempts]: number;
    [Outputs.DurationMs]: number;
    [Outputs.Payload]: string;
    [Outputs.IdempotencyKey]: string;
    [Outputs.Results]: ResultOutput[];
    [Outputs.Accepted]: number;
    [Outputs.Failed]: number;
    [Outputs.Executions]?: ExecutionOutput[];
    [Outputs.ExecutionStatus]?: ExecutionStatus;
    [Outputs.Correlation]?: Correlation;
    [Outputs.ResultsFile]?: string;
    [Outputs.Truncated]: boolean;
    [Outputs.Preflight]: PreflightStatus;
}
/** One element of the `results` output, exactly the contract's fields. */
export interface ResultOutput {
    linked_account_id: string;
    ok: boolean;
    status_code: number | null;
    message: string;
    error_code: string | null;
    attempts: number;
    idempotency_key: string;
    execution_status: ExecutionStatus | null;
}
export interface ExecutionOutput {
    id: string;
    workflow: string;
    status: string;
    created_at: string;
    /** Only with several accounts, whose executions share the output. */
    linked_account_id?: string;
}
export declare function outcomeOutputs(outcome: Outcome): OutcomeOutputs;
/**
 * The outputs cut to fit GitHub's limits: `payload` left empty past its bound, and `results` and
 * `executions` holding as many whole entries as fit, failures first (within the bounds they keep
 * input order). `truncated` says whether anything was cut; the results file has everything.
 */
export declare function fitToLimits(outputs: OutcomeOutputs): OutcomeOutputs;
/** One execution as the `executions` output and the results file list it. */
export declare function executionOutput({ id, workflow, status, created_at }: ExecutionSummary): ExecutionOutput;
export declare function resultOutput(result: AccountResult): ResultOutput;
/** One line saying what happened, for the summary's heading. */
export declare function headline(outcome: Outcome): string;
/** The message a failed run fails (or, with fail_on_error false, warns) with; undefined when ok. */
export declare function failureMessage(outcome: Outcome): string | undefined;
