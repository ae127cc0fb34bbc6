import type { Naming } from './naming.js';
/** What `linked_account_id` asks for. */
export type AccountSelection = {
    kind: 'list';
    /** Each id once, in the order first written. */
    accounts: string[];
    /** Ids written more than once (each named once), for a warning: they are fired once. */
    duplicates: string[];
}
/** `*`: every linked account of the org, listed from Refold before anything is fired. */
 | {
    kind: 'every';
}
/** `linked_account_file`: ids one per line, or an earlier run's results to resume. */
 | {
    kind: 'file';
    path: string;
};
/**
 * Reads the account list: one id per line (the CLI passes one entry per flag), blank lines and
 * surrounding spaces ignored, `*` alone for every account.
 */
export declare function parseAccounts(text: string | readonly string[], naming: Naming): AccountSelection;
/** Slice `index` (from 1) of `count`, for a matrix of `count` jobs. */
export interface Shard {
    index: number;
    count: number;
}
/** Reads `shard` (`i/n`); an empty input means no sharding. */
export declare function parseShard(text: string, naming: Naming): Shard | undefined;
/**
 * The accounts of slice `index` of `count`: position k in the de-duplicated, code-point-sorted
 * list belongs to slice (k mod count) + 1, so every job of the matrix agrees on the split whatever
 * order each was given the list in. They come back in the order given (the `results` order).
 */
export declare function shardSlice(accounts: readonly string[], index: number, count: number): string[];
/**
 * Orders strings by Unicode code point, the same on every machine and locale. Plain `<` compares
 * UTF-16 units, which puts U+10000 and above before U+E000–U+FFFF; localeCompare depends on ICU.
 */
export declare function compareCodePoints(a: string, b: string): number;
/** How every account's Idempotency-Key is made, decided once per run. */
export type KeyRule = 
/** A key given as input for a single account: sent as written. */
{
    kind: 'as-is';
    key: string;
}
/** `<prefix>/<encoded account>`: a generated key, or a given one shared by several accounts. */
 | {
    kind: 'per-account';
    prefix: string;
};
/**
 * Chooses the rule. `given` is the `idempotency_key` input ('' when unset); `generatedPrefix` is
 * the door's default (the action's run coordinates and event, the CLI's UUID). `selection` is the
 * list before `shard`, so every job of a matrix derives the same key for the same account.
 */
export declare function keyRule(given: string, generatedPrefix: string, selection: AccountSelection): KeyRule;
/** The Idempotency-Key sent for `account`; percent-encoded so the header stays ASCII. */
export declare function accountKey(rule: KeyRule, account: string): string;
/** The part of the key every account shares (the `idempotency_key` output with several). */
export declare function sharedKey(rule: KeyRule): string;
/**
 * `linked_account_file`: ids one per line (surrounding spaces trimmed, blank and `#` lines
 * ignored), or, for a `.jsonl` file, an earlier run's results: the accounts that did not end ok,
 * fired again. A resume with nothing left says so in `notice`.
 */
export declare function readAccountFile(baseDir: string, relative: string, naming: Naming): Promise<{
    accounts: Extract<AccountSelection, {
        kind: 'list';
    }>;
    notice?: string;
}>;
