import type { Payload } from './payload.js';
/** The largest schema used, as JSON. */
export declare const MAX_SCHEMA_BYTES: number;
/** The most violations a failed check lists. */
export declare const MAX_VIOLATIONS = 10;
/** The JSON Schema draft a schema is read as. */
export type SchemaDraft = '4' | '6' | '7' | '2019-09' | '2020-12';
export type SchemaUse = {
    ok: true;
    draft: SchemaDraft;
} | {
    ok: false;
    reason: string;
};
export interface Violation {
    /** A JSON Pointer into the payload (RFC 6901), `/` for the payload itself. */
    pointer: string;
    /** What the schema wants there, in our words; never quotes the payload. */
    message: string;
}
export type PayloadCheck = {
    kind: 'valid';
} | {
    kind: 'invalid';
    violations: Violation[];
} | {
    kind: 'unusable';
    reason: string;
};
/**
 * Whether `schema` can be used to check a payload, and as which draft; if not, why not. Loads no
 * validator.
 */
export declare function usableSchema(schema: unknown): SchemaUse;
/**
 * Checks the payload that would be sent (as its JSON) against `schema`: valid, the first
 * MAX_VIOLATIONS violations, or why the schema cannot be used. Loads the validator.
 */
export declare function checkPayload(schema: unknown, payload: Payload): Promise<PayloadCheck>;
