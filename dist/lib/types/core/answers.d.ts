import type { IncomingHttpHeaders } from 'node:http';
import { MalformedAnswerError, RefoldApiError } from './errors.js';
/** Server text quoted in a message (Refold's `message`, `error_code`…) is cut at this many bytes. */
export declare const MESSAGE_TEXT_LIMIT = 1024;
export interface ApiAnswer {
    status: number;
    /** The body, redacted of the api key and cut at 1 MiB where it was read. */
    body: string;
    headers: IncomingHttpHeaders;
}
/** An event as GET /application/event lists it. */
export interface RefoldEvent {
    _id: string;
    name: string;
    /** The payload's JSON Schema, set when the event was created; server data, never trusted. */
    json_schema?: unknown;
}
/**
 * One doc of the executions list, each field this action reads kept only when it is a text.
 * Nothing is required of it: most docs are other events' runs, whose shape must decide nothing.
 * A doc's shape is checked (readExecution) only once it matched the event.
 */
export interface ListedExecution {
    _id?: string;
    name?: string;
    status?: string;
    associated_event_id?: string;
    custom_trigger_id?: string;
    associated_workflow?: {
        _id?: string;
        name?: string;
    };
    config_id?: string;
    /** The trigger's `instance_tag` header, when Refold carries it back. */
    instance_tag?: string;
    createdAt?: string;
    completion_time?: string;
}
/** A matched execution with the fields its verdict rests on checked. */
export interface Execution {
    _id: string;
    /** Upper-cased; undefined when the doc has none that can be read. */
    status?: string;
    createdAt: string;
    /** `createdAt` in ms since the epoch. */
    created: number;
    name?: string;
    associated_workflow?: {
        _id?: string;
        name?: string;
    };
    completion_time?: string;
    /** `completion_time` in ms since the epoch, when it can be read. */
    finished?: number;
}
/** Where the next page of a paginated list is (mongoose-paginate style, as Refold answers). */
export interface Paging {
    hasNextPage: boolean;
    nextPage?: number | null;
    /** How many docs the whole list holds, when the answer says. */
    totalDocs?: number;
}
export interface ExecutionPage extends Paging {
    docs: ListedExecution[];
}
/** The page to read after `page`: the one the answer names, or the next one when it names none. */
export declare function pageAfter(page: number, paging: Paging): number;
/** What the events list answer holds; an entry without a text id and name is skipped. */
export declare function readEvents(json: unknown): RefoldEvent[] | string;
/**
 * A page of the executions list, or what is wrong with it. Only the page itself must have the
 * documented shape: a doc that is not an object is dropped, and a field of another type is left
 * out, since one odd doc of another event must not break the page.
 */
export declare function readExecutionPage(json: unknown): ExecutionPage | string;
/**
 * A matched execution checked, or what is wrong with it: it needs an id and a readable
 * `createdAt`. A status that cannot be read is left undefined (the gate counts it as failed).
 */
export declare function readExecution(listed: ListedExecution): Execution | string;
/**
 * An ISO 8601 timestamp in ms since the epoch, NaN when `text` is not one. A time without a zone
 * is UTC (Date.parse would take it as the runner's local time).
 */
export declare function parseTimestamp(text: string): number;
/** A non-2xx answer as the author should read it, whatever shape the body has. */
export declare function parseApiError(answer: ApiAnswer, action: string, host?: string): RefoldApiError;
export declare function readJson<T>(body: string): T | undefined;
/** A short description of a body that is not Refold's JSON: empty, an HTML error page, or text. */
export declare function describeBody(body: string): string;
/** A MalformedAnswerError for an answer whose body is not what `action` expects. */
export declare function malformed(answer: ApiAnswer, action: string, host: string, problem: string): MalformedAnswerError;
/** What one execution's detail says about how it ended; every field is optional but the id. */
export interface ExecutionDetail {
    _id: string;
    name?: string;
    status?: string;
    /** The execution's own error text (`error`, `message` or `error_message`). */
    error?: string;
    /** The first node that failed, with its error when it carries one. */
    failedNode?: {
        name: string;
        error?: string;
    };
}
/** GET /execution/{id}; its `nodes` vary in structure, so only text fields are taken from them. */
export declare function readExecutionDetail(json: unknown): ExecutionDetail | string;
/** One page of GET /linked-account: the ids to fire for (`account_id`) and where the next page is. */
export interface LinkedAccountPage extends Paging {
    accounts: string[];
}
export declare function readLinkedAccountPage(json: unknown): LinkedAccountPage | string;
