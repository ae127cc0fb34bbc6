import { type IncomingHttpHeaders } from 'node:http';
/** At most this much of any answer's body is read. */
export declare const MAX_BODY_BYTES: number;
/** The proxy variables, as the environment holds them (either case; lower case wins). */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;
export interface AttemptRequest {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string;
    /** Time allowed for the whole attempt: proxy tunnel, connect, answer and body. */
    timeoutMs: number;
    /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read from. */
    proxyEnv: ProxyEnv;
    /** Texts replaced by `***` in everything read from the server (the api key). */
    secrets: readonly string[];
    /** Defaults to MAX_BODY_BYTES. */
    maxBodyBytes?: number;
}
export interface HttpAnswer {
    status: number;
    headers: IncomingHttpHeaders;
    /** The body as text, redacted; when it was cut, a note says so at the end. */
    body: string;
    /** The server sent more than `maxBodyBytes`; the rest was not read. */
    truncated: boolean;
}
/** The attempt got no usable answer; `message` says why, for a person, without a stack. */
export declare class TransportError extends Error {
    /** The Node error code when there was one (ECONNREFUSED, HPE_INVALID_CHUNK_SIZE…). */
    readonly code?: string | undefined;
    name: string;
    constructor(message: string, 
    /** The Node error code when there was one (ECONNREFUSED, HPE_INVALID_CHUNK_SIZE…). */
    code?: string | undefined, options?: {
        cause?: unknown;
    });
}
/** The proxy a request to `target` goes through, or undefined when it goes direct. */
export interface Proxy {
    url: URL;
    /** host:port, how messages name the proxy (never its credentials). */
    name: string;
}
/** Sends one request and reads its answer; rejects with a TransportError when there is none. */
export declare function attempt(request: AttemptRequest): Promise<HttpAnswer>;
/**
 * The proxy for `target` from HTTPS_PROXY / HTTP_PROXY (by the target's scheme), unless NO_PROXY
 * or a loopback target bypasses it: the rules @actions/http-client applies, from a given env.
 */
export declare function proxyFor(target: URL, env: ProxyEnv): Proxy | undefined;
