// Which linked accounts one run fires for: the list as written in `linked_account_id`, the slice a
// matrix job keeps (`shard`), and the Idempotency-Key each account is sent with.
import { InputError } from './errors.js'
import { Inputs } from './names.js'
import { fitsInHeader } from './request.js'

const ACCOUNTS_INPUT = Inputs.LinkedAccountId
const SHARD_INPUT = Inputs.Shard

/** What `linked_account_id` asks for. */
export type AccountSelection =
  | {
      kind: 'list'
      /** Each id once, in the order first written. */
      accounts: string[]
      /** Ids written more than once (each named once), for a warning: they are fired once. */
      duplicates: string[]
    }
  /** `*`: every linked account of the org, listed from Refold before anything is fired. */
  | { kind: 'every' }

/**
 * Reads the account list: one id per line (the CLI passes one entry per flag), blank lines and
 * surrounding spaces ignored, `*` alone for every account.
 */
export function parseAccounts(text: string | readonly string[]): AccountSelection {
  const ids = (typeof text === 'string' ? [text] : text)
    .flatMap(entry => entry.split(/\r\n|\r|\n/))
    .map(line => line.trim())
    .filter(line => line !== '')
  if (ids.length === 0) {
    throw new InputError(ACCOUNTS_INPUT, `Missing input '${ACCOUNTS_INPUT}': it is required.`)
  }
  if (ids.includes('*')) {
    if (ids.every(id => id === '*')) return { kind: 'every' }
    throw new InputError(
      ACCOUNTS_INPUT,
      `Invalid input '${ACCOUNTS_INPUT}': "*" (every linked account) cannot be combined with ` +
        `other ids such as ${JSON.stringify(ids.find(id => id !== '*'))}.`
    )
  }
  const seen = new Set<string>()
  const duplicates = new Set<string>()
  for (const id of ids) {
    // Each id travels alone in the linked_account_id header: a bad one must stop the run before
    // the first request, not fail as a network error halfway through the list.
    if (!fitsInHeader(id)) {
      throw new InputError(
        ACCOUNTS_INPUT,
        `Invalid input '${ACCOUNTS_INPUT}': ${JSON.stringify(id)} contains characters an HTTP header cannot carry.`
      )
    }
    if (seen.has(id)) duplicates.add(id)
    seen.add(id)
  }
  return { kind: 'list', accounts: [...seen], duplicates: [...duplicates] }
}

/** Slice `index` (from 1) of `count`, for a matrix of `count` jobs. */
export interface Shard {
  index: number
  count: number
}

/** Reads `shard` (`i/n`); an empty input means no sharding. */
export function parseShard(text: string): Shard | undefined {
  const value = text.trim()
  if (value === '') return undefined
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || !Number.isSafeInteger(count) || index < 1 || index > count) {
    throw new InputError(
      SHARD_INPUT,
      `Invalid input '${SHARD_INPUT}': ${JSON.stringify(value)} is not i/n with 1 ≤ i ≤ n.`
    )
  }
  return { index, count }
}

/**
 * The accounts of slice `index` of `count`: position k in the de-duplicated, code-point-sorted
 * list belongs to slice (k mod count) + 1, so every job of the matrix agrees on the split whatever
 * order each was given the list in. They come back in the order given (the `results` order).
 */
export function shardSlice(accounts: readonly string[], index: number, count: number): string[] {
  if (!Number.isInteger(count) || !Number.isInteger(index) || index < 1 || index > count) {
    throw new RangeError(`Shard ${index}/${count} is not i/n with 1 ≤ i ≤ n`)
  }
  const unique = [...new Set(accounts)]
  const mine = new Set(
    [...unique].sort(compareCodePoints).filter((_, k) => k % count === index - 1)
  )
  return unique.filter(account => mine.has(account))
}

/**
 * Orders strings by Unicode code point, the same on every machine and locale. Plain `<` compares
 * UTF-16 units, which puts U+10000 and above before U+E000–U+FFFF; localeCompare depends on ICU.
 */
export function compareCodePoints(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length;) {
    const x = a.codePointAt(i)!
    const y = b.codePointAt(i)!
    if (x !== y) return x < y ? -1 : 1
    i += x > 0xffff ? 2 : 1
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}

/** How every account's Idempotency-Key is made, decided once per run. */
export type KeyRule =
  /** A key given as input for a single account: sent as written. */
  | { kind: 'as-is'; key: string }
  /** `<prefix>/<encoded account>`: a generated key, or a given one shared by several accounts. */
  | { kind: 'per-account'; prefix: string }

/**
 * Chooses the rule. `given` is the `idempotency_key` input ('' when unset); `generatedPrefix` is
 * the door's default (the action's run coordinates and event, the CLI's UUID). `selection` is the
 * list before `shard`, so every job of a matrix derives the same key for the same account.
 */
export function keyRule(
  given: string,
  generatedPrefix: string,
  selection: AccountSelection
): KeyRule {
  if (!given) return { kind: 'per-account', prefix: generatedPrefix }
  if (selection.kind === 'list' && selection.accounts.length === 1) {
    return { kind: 'as-is', key: given }
  }
  return { kind: 'per-account', prefix: given }
}

/** The Idempotency-Key sent for `account`; percent-encoded so the header stays ASCII. */
export function accountKey(rule: KeyRule, account: string): string {
  return rule.kind === 'as-is' ? rule.key : `${rule.prefix}/${encodeURIComponent(account)}`
}

/** The part of the key every account shares (the `idempotency_key` output with several). */
export function sharedKey(rule: KeyRule): string {
  return rule.kind === 'as-is' ? rule.key : rule.prefix
}
