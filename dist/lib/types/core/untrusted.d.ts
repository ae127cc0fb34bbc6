/** The most of one piece of untrusted text shown in a log line or the summary. */
export declare const TEXT_PIECE_LIMIT: number;
export interface Cut {
    text: string;
    /** Whether anything was cut off. */
    cut: boolean;
    /** The UTF-8 size of the whole text. */
    bytes: number;
}
/** The longest start of `text` within `maxBytes` of UTF-8, never splitting a character. */
export declare function cut(text: string, maxBytes: number): Cut;
/**
 * Untrusted text as part of one log line. Line breaks and other controls become visible escapes
 * (`\n`, `\u001b`), so the text can never start a line of its own, where the runner would obey a
 * `::command::`. The runner's older `##[command]` form counts anywhere in a line, so it is broken
 * up too. Longer texts are cut at `maxBytes` with a note.
 */
export declare function forLog(text: string, maxBytes?: number): string;
/**
 * Untrusted text for the job summary, inside an HTML element: inert as Markdown and as HTML, on
 * one source line (line breaks become `<br>`, so no blank line can end the surrounding HTML block
 * and start Markdown), cut at `maxBytes` with a note.
 */
export declare function forSummary(text: string, maxBytes?: number): string;
/**
 * Replaces every secret in `text` by `***`, in the forms a server is likely to echo it back, and
 * in any JSON string whose escapes (`\u0074k…`) spell it: decoding the result never gives a key.
 */
export declare function redact(text: string, secrets: readonly string[]): string;
/**
 * Drops a tail of `text` that could be the start of a secret: when a text is cut, a key that
 * straddled the cut would otherwise survive redaction in part.
 */
export declare function dropSecretPrefix(text: string, secrets: readonly string[]): string;
/** `text` cut to at most `maxBytes` bytes of UTF-8, with `note` after it when it was cut. */
export declare function cutText(text: string, maxBytes: number, note?: string): string;
/** The first `maxBytes` bytes of `bytes` as text, never ending in half a character. */
export declare function cutUtf8(bytes: Buffer, maxBytes: number): string;
/** A body as the `response` output carries it: later steps read it, so it stays bounded. */
export declare function responseOutput(body: string): string;
