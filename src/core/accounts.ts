// Which linked accounts one run fires for: the list as written in `linked_account_id`, the slice a
// matrix job keeps (`shard`), and the Idempotency-Key each account is sent with.
import { InputError } from './errors.js'
import { Inputs } from './names.js'
import type { InputName, Naming } from './naming.js'
import { readBoundedFile } from './payload.js'
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
  /** `linked_account_file`: ids one per line, or an earlier run's results to resume. */
  | { kind: 'file'; path: string }

/**
 * Reads the account list: one id per line (the CLI passes one entry per flag), blank lines and
 * surrounding spaces ignored, `*` alone for every account.
 */
export function parseAccounts(text: string | readonly string[], naming: Naming): AccountSelection {
  const named = naming.setting(ACCOUNTS_INPUT)
  const ids = (typeof text === 'string' ? [text] : text)
    .flatMap(entry => entry.split(/\r\n|\r|\n/))
    .map(line => line.trim())
    .filter(line => line !== '')
  if (ids.length === 0) {
    throw new InputError(
      ACCOUNTS_INPUT,
      `Missing ${named}: it is required (or ${naming.setting(Inputs.LinkedAccountFile)}).`
    )
  }
  if (ids.includes('*')) {
    if (ids.every(id => id === '*')) return { kind: 'every' }
    throw new InputError(
      ACCOUNTS_INPUT,
      `Invalid ${named}: "*" (every linked account) cannot be combined with ` +
        `other ids such as ${JSON.stringify(ids.find(id => id !== '*'))}.`
    )
  }
  return listed(ids, ACCOUNTS_INPUT, `Invalid ${named}`)
}

/** Slice `index` (from 1) of `count`, for a matrix of `count` jobs. */
export interface Shard {
  index: number
  count: number
}

/** Reads `shard` (`i/n`); an empty input means no sharding. */
export function parseShard(text: string, naming: Naming): Shard | undefined {
  const value = text.trim()
  if (value === '') return undefined
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || !Number.isSafeInteger(count) || index < 1 || index > count) {
    throw new InputError(
      SHARD_INPUT,
      `Invalid ${naming.setting(SHARD_INPUT)}: ${JSON.stringify(value)} is not i/n with 1 ≤ i ≤ n.`
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

/**
 * `linked_account_file`: ids one per line (surrounding spaces trimmed, blank and `#` lines
 * ignored), or, for a `.jsonl` file, an earlier run's results: the accounts that did not end ok,
 * fired again. A resume with nothing left says so in `notice`.
 */
export async function readAccountFile(
  baseDir: string,
  relative: string,
  naming: Naming
): Promise<{ accounts: Extract<AccountSelection, { kind: 'list' }>; notice?: string }> {
  const input = Inputs.LinkedAccountFile
  const what = `Invalid ${naming.setting(input)}: ${JSON.stringify(relative)}`
  const text = await readBoundedFile(baseDir, relative, { input, what }, naming)
  const lines = text.split(/\r\n|\r|\n/).map(line => line.trim())
  if (/\.jsonl$/i.test(relative)) {
    const ids = lines.flatMap((line, index) => (line ? [unfinishedAccount(line, index + 1)] : []))
    const rows = ids.length
    const left = ids.filter((id): id is string => id !== undefined)
    if (!rows) throw new InputError(input, `${what} holds no results.`)
    if (!left.length) {
      return {
        accounts: { kind: 'list', accounts: [], duplicates: [] },
        notice: `Every account of ${JSON.stringify(relative)} ended ok: nothing to fire again.`
      }
    }
    return { accounts: listed(left, input, what) }
  }
  const ids = lines.filter(line => line !== '' && !line.startsWith('#'))
  if (ids.includes('*')) {
    throw new InputError(
      input,
      `${what} has a "*" line; for every linked account use ${naming.setting(ACCOUNTS_INPUT)} "*".`
    )
  }
  if (!ids.length) throw new InputError(input, `${what} names no linked account.`)
  return { accounts: listed(ids, input, what) }

  /** One results row's account when it did not end ok; undefined when it did. */
  function unfinishedAccount(line: string, number: number): string | undefined {
    let row: unknown
    try {
      row = JSON.parse(line)
    } catch {
      row = undefined
    }
    const { linked_account_id: id, ok } = (row ?? {}) as Record<string, unknown>
    if (typeof id !== 'string' || !id) {
      throw new InputError(
        input,
        `${what} line ${number} is not a result with a "linked_account_id" (is it a results file of this tool?).`
      )
    }
    return ok === true ? undefined : id
  }
}

/**
 * Each id once, in the order first given, and the ids given more than once. Each id travels alone
 * in the linked_account_id header: a bad one must stop the run before the first request, not fail
 * as a network error halfway through the list.
 */
function listed(
  ids: readonly string[],
  input: InputName,
  what: string
): Extract<AccountSelection, { kind: 'list' }> {
  const unique = new Set<string>()
  const duplicates = new Set<string>()
  for (const id of ids) {
    if (!fitsInHeader(id)) {
      throw new InputError(
        input,
        `${what}: ${JSON.stringify(id)} contains characters an HTTP header cannot carry.`
      )
    }
    if (unique.has(id)) duplicates.add(id)
    unique.add(id)
  }
  return { kind: 'list', accounts: [...unique], duplicates: [...duplicates] }
}
