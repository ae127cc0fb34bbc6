/** What one attempt of a call met, for the summary's attempts table. */
export interface AttemptRecord {
    /** `HTTP 200`, `HTTP 503 SERVER_ERROR`, or the network cause. */
    outcome: string;
    /** How long the next attempt waited; undefined after the last attempt. */
    waitMs?: number;
}
/** A missing or malformed input: always fails the step, and no request is sent. */
export declare class InputError extends Error {
    /** The input's name as action.yml spells it. */
    readonly input: string;
    name: string;
    constructor(
    /** The input's name as action.yml spells it. */
    input: string, message: string);
}
/** Refold answered, but not with a 2xx. */
export declare class RefoldApiError extends Error {
    readonly details: {
        /** What was being done, e.g. `trigger event "Release Published"`. */
        action: string;
        /** The host that answered. */
        host?: string;
        status: number;
        httpErrorType?: string;
        errorCode?: string;
        /** The body's `error` text, kept apart: some services put "Rate Limit Hit" there. */
        errorText?: string;
        /** Refold's own message, or a short description of a body that was not JSON. */
        refoldMessage?: string;
        requestId?: string;
        /** The raw response body. */
        body: string;
        /** The Retry-After header, unparsed. */
        retryAfter?: string;
        hint?: string;
    };
    name: string;
    constructor(details: {
        /** What was being done, e.g. `trigger event "Release Published"`. */
        action: string;
        /** The host that answered. */
        host?: string;
        status: number;
        httpErrorType?: string;
        errorCode?: string;
        /** The body's `error` text, kept apart: some services put "Rate Limit Hit" there. */
        errorText?: string;
        /** Refold's own message, or a short description of a body that was not JSON. */
        refoldMessage?: string;
        requestId?: string;
        /** The raw response body. */
        body: string;
        /** The Retry-After header, unparsed. */
        retryAfter?: string;
        hint?: string;
    });
    get status(): number;
    /** Refold is rate limiting: a 429, or the older services' 403 "Rate Limit Hit". */
    get rateLimited(): boolean;
    /** The same failure with a hint for the author appended. */
    withHint(hint: string): RefoldApiError;
}
/**
 * A 2xx whose body is not of the shape the endpoint documents (a list that is not a list, an
 * execution without an id). Like a 5xx it is most likely a passing fault, so it is retried.
 */
export declare class MalformedAnswerError extends RefoldApiError {
    name: string;
    constructor(details: RefoldApiError['details'], problem: string);
}
/** No usable answer: the connection failed, or the attempt ran out of time. */
export declare class NetworkError extends Error {
    /** What was being done, e.g. `trigger event "Release Published"`. */
    readonly action: string;
    /** The host that was contacted. */
    readonly host: string;
    /** What went wrong, without a stack: e.g. `connection refused (ECONNREFUSED)`. */
    readonly reason: string;
    name: string;
    constructor(
    /** What was being done, e.g. `trigger event "Release Published"`. */
    action: string, 
    /** The host that was contacted. */
    host: string, 
    /** What went wrong, without a stack: e.g. `connection refused (ECONNREFUSED)`. */
    reason: string, options?: {
        cause?: unknown;
    });
}
/**
 * A call that failed for good: Refold refused it, or retries ran out, or Refold asked for a longer
 * wait than allowed. Carries what every attempt met, for the summary's attempts table.
 */
export declare class CallFailed extends Error {
    /** The failure of the last attempt. */
    readonly last: RefoldApiError | NetworkError;
    readonly attempts: AttemptRecord[];
    /** Why the retry policy stopped; absent when the failure was not worth retrying. */
    readonly gaveUp?: string | undefined;
    name: string;
    constructor(
    /** The failure of the last attempt. */
    last: RefoldApiError | NetworkError, attempts: AttemptRecord[], 
    /** Why the retry policy stopped; absent when the failure was not worth retrying. */
    gaveUp?: string | undefined);
    /** The same failure with a hint for the author appended to its last error. */
    withHint(hint: string): CallFailed;
}
/** The event was accepted but the workflow executions did not all complete. */
export declare class WaitError extends Error {
    name: string;
}
/** The run was cancelled before this request could start: it was never sent. */
export declare class NotStarted extends Error {
    /** Attempts of the same call made before the cancel (a retry that never went out). */
    readonly attemptsBefore: AttemptRecord[];
    name: string;
    constructor(
    /** Attempts of the same call made before the cancel (a retry that never went out). */
    attemptsBefore?: AttemptRecord[]);
}
