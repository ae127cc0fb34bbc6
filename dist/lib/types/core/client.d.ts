import { type ApiAnswer, type ExecutionDetail, type ExecutionPage, type LinkedAccountPage, type RefoldEvent } from './answers.js';
import { type ProxyEnv } from './http.js';
import { Limiter } from './limiter.js';
import { type TriggerParts } from './request.js';
import { type Attempted, type Clock } from './retry.js';
export interface ClientOptions {
    /** API origin without a trailing slash. */
    baseUrl: string;
    apiKey: string;
    /** Time allowed for one attempt: proxy tunnel, connect, response headers and body. */
    timeoutMs: number;
    /** The environment's HTTPS_PROXY, HTTP_PROXY and NO_PROXY (an empty object: no proxy). */
    proxyEnv: ProxyEnv;
    /** Retries after the first attempt, for retryable failures only. */
    retries: number;
    clock: Clock;
    /** Shared by every request of the run; a rate-limited answer pauses it for everyone. */
    limiter: Pick<Limiter, 'run' | 'pause'>;
    /** Told of each failed attempt that will be retried, as one log line. */
    onRetry(line: string): void;
}
export type { TriggerParts };
export interface TriggerAnswer extends ApiAnswer {
    /** Refold's `message`, e.g. "Webhook Fired Success". */
    message?: string;
}
export interface ExecutionQuery {
    page: number;
    limit: number;
    /** ISO 8601 date-time (the spec's `format: date-time`); left out when Refold refused it. */
    startDate?: string;
    slug?: string;
}
export declare class RefoldClient {
    private readonly options;
    private readonly host;
    constructor(options: ClientOptions);
    /**
     * One account's trigger, built by `triggerRequest` as a dry run prints it. With `signal`, a
     * cancel keeps an attempt that has not started from going out (NotStarted).
     */
    trigger(parts: TriggerParts, signal?: AbortSignal): Promise<Attempted<TriggerAnswer>>;
    /** The org's events; needs an org-level key. */
    listEvents(): Promise<Attempted<RefoldEvent[]>>;
    listExecutions(account: string, query: ExecutionQuery): Promise<Attempted<ExecutionPage>>;
    getExecution(account: string, id: string): Promise<Attempted<ExecutionDetail>>;
    /**
     * Asks Refold to stop an execution (it goes STOPPING, then STOPPED). One attempt, never retried:
     * it is made when the run is out of time, cancelled or past its wait_timeout.
     */
    stopExecution(account: string, id: string): Promise<Attempted<ApiAnswer>>;
    /** One page of the org's linked accounts; an org-level call, without a linked account. */
    listLinkedAccounts(page: number, limit: number): Promise<Attempted<LinkedAccountPage>>;
    private get;
    /** The headers of every call but the trigger (which `triggerRequest` builds from the same). */
    private headers;
    /** Attempts `request` under the limiter and the retry policy; `read` may reject the answer. */
    private call;
    /** One attempt, bounded by the timeout from the proxy tunnel to the last byte of the body. */
    private once;
}
/**
 * The client of one run, behind the run's one limiter: `rateLimit` requests per second, bursts and
 * requests in flight up to `concurrency`, for every call the run makes.
 */
export declare function clientForRun(settings: Pick<ClientOptions, 'baseUrl' | 'apiKey' | 'timeoutMs' | 'retries'> & {
    rateLimit: number;
    concurrency: number;
}, host: Pick<ClientOptions, 'proxyEnv' | 'clock' | 'onRetry'>): RefoldClient;
