export declare const DEFAULT_BASE_URL = "https://api.gocobalt.io";
export declare const USER_AGENT: string;
export declare const Paths: {
    readonly TriggerEvent: "/api/v2/public/event";
    readonly ListEvents: "/api/v2/public/application/event";
    readonly ListExecutions: "/api/v2/public/execution";
    readonly StopExecution: "/api/v2/public/execution/{id}/stop";
    readonly LinkedAccounts: "/api/v2/public/linked-account";
};
/** What Node lets a header value hold; anything else would fail every attempt as a network error. */
export declare function fitsInHeader(value: string): boolean;
export interface HttpRequest {
    method: 'GET' | 'POST';
    url: string;
    /** Every header sent, in the order the contract lists them. */
    headers: Record<string, string>;
    body?: string;
}
/** Where every request goes and what it is authorized with: the run's client holds the one copy. */
export interface Origin {
    /** API origin without a trailing slash. */
    baseUrl: string;
    apiKey: string;
}
/** One account's trigger, besides the origin. */
export interface TriggerParts {
    event: string;
    configId?: string;
    slug?: string;
    account: string;
    idempotencyKey: string;
    /** Tells this run attempt's executions from another's, where Refold echoes it. */
    instanceTag: string;
    /** The payload already serialized, so a fan-out serializes it once, not once per account. */
    payloadJson: string;
}
/** The headers every call carries: the key, and the linked account for account-scoped calls. */
export declare function apiHeaders(apiKey: string, account?: string): Record<string, string>;
/** `POST {base_url}/api/v2/public/event` for one linked account, headers in the contract's order. */
export declare function triggerRequest(origin: Origin, parts: TriggerParts): HttpRequest;
/** The request as a dry run prints it: every header, the api key masked, the body pretty. */
export declare function printRequest(request: HttpRequest): string;
