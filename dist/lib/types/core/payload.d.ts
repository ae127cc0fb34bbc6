import type { InputName, Naming } from './naming.js';
import type { Settings } from './settings.js';
export type Payload = Record<string, unknown>;
/** The largest payload_file read; its size is checked before a byte of it is. */
export declare const MAX_PAYLOAD_FILE_BYTES: number;
/**
 * The deepest nesting a payload may have. Far beyond any real event, and far below the depth at
 * which JSON.stringify or the YAML parser run out of stack (about 850 levels for the parser).
 */
export declare const MAX_PAYLOAD_DEPTH = 256;
export interface PayloadSources {
    /** Where a relative payload file is resolved from (the workspace on a runner). */
    baseDir: string;
    /** The GitHub context summary, off GitHub an empty object; only called when wanted. */
    githubSummary: () => Promise<object>;
    naming: Naming;
}
export declare function buildPayload(settings: Pick<Settings, 'payload' | 'githubContext'>, sources: PayloadSources): Promise<Payload>;
/**
 * The text of a regular file of at most MAX_PAYLOAD_FILE_BYTES (the payload file, the accounts
 * file), `relative` resolved from `baseDir`. Opened without blocking and checked through the open
 * handle, so a FIFO cannot hang the step waiting for a writer, a device such as /dev/zero is never
 * read, and the file checked is the file read.
 */
export declare function readBoundedFile(baseDir: string, relative: string, { input, what }: Where, naming: Naming): Promise<string>;
/** Which setting a file or parse error is about, and how its message starts. */
export interface Where {
    input: InputName;
    what: string;
}
