/** The part of the project's Clock the limiter needs; time in milliseconds. */
export interface LimiterClock {
    now(): number;
    sleep(ms: number): Promise<void>;
}
export interface LimiterOptions {
    /** Requests started per second, on average. */
    ratePerSecond: number;
    /** Requests that may start at once after an idle spell (the bucket's size). */
    burst: number;
    /** Most requests in flight at once. */
    concurrency: number;
}
export declare class Limiter {
    private readonly options;
    private readonly clock;
    private readonly intervalMs;
    /** How far ahead of `now` the schedule may run: the burst beyond the first request. */
    private readonly toleranceMs;
    /**
     * When the next request would start if requests came back to back at the rate (GCRA's
     * theoretical arrival time): a token bucket holding `burst` tokens, kept as one number.
     */
    private nextDue;
    private pausedUntil;
    private pauseMs;
    private active;
    private readonly queue;
    private pumping;
    private slotFreed;
    constructor(options: LimiterOptions, clock: LimiterClock);
    /** Requests running now. */
    get inFlight(): number;
    /** Requests waiting for their turn. */
    get waiting(): number;
    /**
     * Runs `task` when the rate, the in-flight cap and any pause allow, in the order `run` was
     * called. One call is one request: a retry is a new `run`, so a backoff never holds a slot, and
     * a task must not call `run` itself (with `concurrency` 1 it would wait for itself forever).
     */
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
    /**
     * Holds back every request not yet started for `ms` from now: Refold's Retry-After, or the
     * backoff delay, applies to the org and so to the whole run. A shorter pause never cuts a longer
     * one short. Requests already in flight are not affected.
     */
    pause(ms: number): void;
    private release;
    /**
     * Starts waiting requests in order. One pump runs at a time; it either starts the head of the
     * queue, sleeps exactly until the head could start, or waits for a slot to free: never spins.
     */
    private pump;
    private delayBeforeNext;
}
