import { NetworkError, RefoldApiError, type AttemptRecord } from './errors.js';
export interface Clock {
    now(): number;
    /** A clock may end the sleep early once `signal` aborts (the system clock does). */
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
    /** A number in [0, 1), for jitter. */
    random(): number;
}
export declare const systemClock: Clock;
/** Sleeps `ms` on `clock`, or less: it ends, without error, as soon as `signal` aborts. */
export declare function sleepUnlessAborted(clock: Clock, ms: number, signal: AbortSignal): Promise<void>;
export declare const ABORTED: unique symbol;
/**
 * `work`'s value, or ABORTED as soon as `signal` aborts; `work` is then left to itself. It listens
 * to the signal only while it waits: a race with a promise that lives as long as the run would
 * keep every answer reachable until the run ends.
 */
export declare function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED>;
export interface RetryPolicy {
    /** Retries after the first attempt. */
    retries: number;
    baseDelayMs: number;
    maxDelayMs: number;
    /** The longest Retry-After honoured; a longer one gives up at once. */
    maxRetryAfterMs: number;
}
export declare function retryPolicy(retries: number): RetryPolicy;
export declare function isRetryable(error: unknown): error is NetworkError | RefoldApiError;
/**
 * Retry-After in milliseconds; undefined when absent or not one of RFC 9110's two forms, so the
 * caller falls back to backoff. A lenient date parser would read "1.5", "-1" or "2, 3" as dates
 * long past and retry at once, so only delay-seconds and an HTTP-date, both matched exactly, count.
 */
export declare function parseRetryAfter(value: string | undefined, now: number): number | undefined;
/** An HTTP-date in ms since the epoch, or undefined unless `text` is exactly one of its forms. */
export declare function parseHttpDate(text: string, now: number): number | undefined;
/** Exponential backoff with jitter: retry n (1-based) waits between half and all of base·2^(n-1), capped. */
export declare function backoffDelay(retry: number, policy: RetryPolicy, random: number): number;
export interface Attempted<T> {
    value: T;
    /** Every attempt, the successful last one included. */
    attempts: AttemptRecord[];
}
export interface RetryHooks<T> {
    /** A line for the log before each retry. */
    onRetry(line: string): void;
    /** Refold is rate limiting: hold back every request of the run this long, not just this call's. */
    onRateLimited?(ms: number): void;
    /** How a successful attempt is listed, e.g. `HTTP 200`. */
    outcomeOf?(value: T): string;
    /** The run's cancel: a backoff ends early, and the attempt it was for is never started. */
    signal?: AbortSignal;
}
/**
 * Runs `attempt` until it succeeds, fails in a way not worth retrying, or the policy gives up.
 * Either failure is thrown as CallFailed, which carries every attempt and the last failure.
 */
export declare function withRetry<T>(attempt: () => Promise<T>, policy: RetryPolicy, clock: Clock, hooks: RetryHooks<T>): Promise<Attempted<T>>;
