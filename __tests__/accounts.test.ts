// The account list, the matrix shard and the per-account Idempotency-Key, as the contract's
// "Many linked accounts" section and the `shard` and `idempotency_key` rows describe them.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, it, expect } from '@jest/globals'
import { actionNaming } from '../src/action/inputs.js'
import { InputError } from '../src/core/errors.js'
import {
  accountKey,
  compareCodePoints,
  keyRule,
  parseAccounts,
  parseShard,
  readAccountFile,
  sharedKey,
  shardSlice
} from '../src/core/accounts.js'

import { rejection, thrown } from './helpers/common.js'

function inputError(run: () => unknown): InputError {
  const error = thrown(run)
  expect(error).toBeInstanceOf(InputError)
  return error as InputError
}

describe('linked_account_id', () => {
  it('reads one id', () => {
    expect(parseAccounts('acme-corp', actionNaming)).toEqual({
      kind: 'list',
      accounts: ['acme-corp'],
      duplicates: []
    })
  })

  it('reads one id per line, ignoring blank lines and surrounding spaces', () => {
    const text = '\n  acme-corp  \n\n\tglobex\r\n   \ninitech\r\rumbrella\n'
    expect(parseAccounts(text, actionNaming)).toEqual({
      kind: 'list',
      accounts: ['acme-corp', 'globex', 'initech', 'umbrella'],
      duplicates: []
    })
  })

  it('keeps spaces inside an id', () => {
    expect(parseAccounts(' Acme Corp \n', actionNaming)).toMatchObject({ accounts: ['Acme Corp'] })
  })

  it('fires an id given twice once, in its first place, and reports it once', () => {
    expect(parseAccounts('b\na\n b\nc\na\nb', actionNaming)).toEqual({
      kind: 'list',
      accounts: ['b', 'a', 'c'],
      duplicates: ['b', 'a']
    })
  })

  it('reads one entry per flag, each of which may hold several lines (the CLI)', () => {
    expect(parseAccounts(['a', ' b\nc ', 'a'], actionNaming)).toEqual({
      kind: 'list',
      accounts: ['a', 'b', 'c'],
      duplicates: ['a']
    })
  })

  it.each(['*', '  *  ', '\n*\n', '*\n*'])('reads %j as every linked account', text => {
    expect(parseAccounts(text, actionNaming)).toEqual({ kind: 'every' })
  })

  it('reads an id that merely contains a star as an id', () => {
    expect(parseAccounts('acme*', actionNaming)).toMatchObject({
      kind: 'list',
      accounts: ['acme*']
    })
  })

  it('is an input error to mix * with other ids', () => {
    const error = inputError(() => parseAccounts('acme-corp\n*\nglobex', actionNaming))
    expect(error.input).toBe('linked_account_id')
    expect(error.message).toBe(
      `Invalid input 'linked_account_id': "*" (every linked account) cannot be combined with ` +
        `other ids such as "acme-corp".`
    )
  })

  it.each(['', '   ', '\n \n\t\n'])('is an input error when empty: %j', text => {
    const error = inputError(() => parseAccounts(text, actionNaming))
    expect(error.input).toBe('linked_account_id')
    expect(error.message).toBe(
      `Missing input 'linked_account_id': it is required (or input 'linked_account_file').`
    )
  })

  it('is an input error when an id holds what a header cannot carry, quoting that id', () => {
    const error = inputError(() => parseAccounts('acme\nbad\u0000id\nglobex', actionNaming))
    expect(error.input).toBe('linked_account_id')
    expect(error.message).toBe(
      `Invalid input 'linked_account_id': "bad\\u0000id" contains characters an HTTP header cannot carry.`
    )
  })

  it('accepts Latin-1 letters, which a header can carry', () => {
    expect(parseAccounts('café', actionNaming)).toMatchObject({ accounts: ['café'] })
  })
})

describe('shard', () => {
  it('is no sharding when empty', () => {
    expect(parseShard('', actionNaming)).toBeUndefined()
    expect(parseShard('  ', actionNaming)).toBeUndefined()
  })

  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/3', { index: 2, count: 3 }],
    [' 4/4 ', { index: 4, count: 4 }],
    ['2 / 7', { index: 2, count: 7 }],
    ['03/10', { index: 3, count: 10 }]
  ])('reads %j', (text, shard) => {
    expect(parseShard(text, actionNaming)).toEqual(shard)
  })

  it.each([
    '3/2',
    '0/3',
    '1/0',
    '0/0',
    '-1/3',
    '1.5/3',
    '1/3.0',
    '2',
    '1/2/3',
    'a/b',
    '/3',
    '1/',
    '+1/3',
    '1/99999999999999999999'
  ])('is an input error for %j, naming the input and quoting the value', text => {
    const error = inputError(() => parseShard(text, actionNaming))
    expect(error.input).toBe('shard')
    expect(error.message).toBe(
      `Invalid input 'shard': ${JSON.stringify(text.trim())} is not i/n with 1 ≤ i ≤ n.`
    )
  })

  it('gives the message the contract shows', () => {
    expect(() => parseShard('3/2', actionNaming)).toThrow(
      `Invalid input 'shard': "3/2" is not i/n with 1 ≤ i ≤ n.`
    )
  })
})

describe('shardSlice', () => {
  const accounts = Array.from({ length: 23 }, (_, k) => `acct-${String(k).padStart(2, '0')}`)

  /** A fixed shuffle, so the test does not depend on Math.random. */
  function shuffled(list: readonly string[], seed: number): string[] {
    const copy = [...list]
    let state = seed
    for (let i = copy.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2 ** 31
      const j = state % (i + 1)
      ;[copy[i], copy[j]] = [copy[j], copy[i]]
    }
    return copy
  }

  it.each([1, 2, 3, 4, 5, 6, 7])('puts every account in exactly one of %i shards', count => {
    const slices = Array.from({ length: count }, (_, i) => shardSlice(accounts, i + 1, count))
    const all = slices.flat()
    expect(all).toHaveLength(accounts.length)
    expect(new Set(all)).toEqual(new Set(accounts))
    // As even as it can be: sizes differ by at most one.
    const sizes = slices.map(slice => slice.length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
  })

  it.each([1, 2, 3, 4, 5, 6, 7])(
    'gives each of %i shards the same accounts whatever order the list came in',
    count => {
      for (let index = 1; index <= count; index++) {
        const expected = new Set(shardSlice(accounts, index, count))
        for (const seed of [1, 2, 3, 42]) {
          expect(new Set(shardSlice(shuffled(accounts, seed), index, count))).toEqual(expected)
        }
      }
    }
  )

  it('slices the sorted list round-robin: position k goes to slice (k mod n) + 1', () => {
    const list = ['e', 'a', 'd', 'b', 'c', 'f', 'g']
    expect(shardSlice(list, 1, 3)).toEqual(['a', 'd', 'g'])
    expect(shardSlice(list, 2, 3)).toEqual(['e', 'b'])
    expect(shardSlice(list, 3, 3)).toEqual(['c', 'f'])
  })

  it('returns the slice in the order the accounts were given', () => {
    expect(shardSlice(['c', 'b', 'a', 'd'], 1, 2)).toEqual(['c', 'a'])
  })

  it('counts an account given twice once', () => {
    // Sorted and de-duplicated: a b c → slice 1 of 2 is a and c, whatever the repeats.
    expect(shardSlice(['a', 'b', 'a', 'c', 'a'], 1, 2)).toEqual(['a', 'c'])
    expect(shardSlice(['a', 'b', 'a', 'c', 'a'], 2, 2)).toEqual(['b'])
  })

  it('may leave a slice empty when there are fewer accounts than shards', () => {
    expect(shardSlice(['a', 'b'], 3, 4)).toEqual([])
    expect(shardSlice([], 1, 1)).toEqual([])
  })

  it('sorts by code point, not by locale: uppercase before lowercase, accents after z', () => {
    const list = ['é', 'b', 'a', 'Z', 'z', 'B']
    const order = [1, 2, 3, 4, 5, 6].map(i => shardSlice(list, i, 6)[0])
    expect(order).toEqual(['B', 'Z', 'a', 'b', 'z', 'é'])
  })

  it.each([
    [0, 3],
    [4, 3],
    [1, 0],
    [1.5, 3]
  ])('refuses slice %i of %i', (index, count) => {
    expect(() => shardSlice(['a'], index, count)).toThrow(RangeError)
  })
})

describe('compareCodePoints', () => {
  it('orders by code point', () => {
    expect(['b', 'é', 'a', 'Z', 'z', 'B'].sort(compareCodePoints)).toEqual([
      'B',
      'Z',
      'a',
      'b',
      'z',
      'é'
    ])
  })

  it('puts characters beyond U+FFFF after U+E000–U+FFFF, where UTF-16 order would not', () => {
    const emoji = '\u{1F600}'
    const fullwidth = '\uFF21'
    expect(emoji < fullwidth).toBe(true) // the UTF-16 order this must not use
    expect(compareCodePoints(emoji, fullwidth)).toBe(1)
    expect(compareCodePoints(fullwidth, emoji)).toBe(-1)
    expect([`x${emoji}`, `x${fullwidth}`].sort(compareCodePoints)).toEqual([
      `x${fullwidth}`,
      `x${emoji}`
    ])
  })

  it('puts a prefix first and finds equal strings equal', () => {
    expect(compareCodePoints('acme', 'acme-2')).toBe(-1)
    expect(compareCodePoints('acme-2', 'acme')).toBe(1)
    expect(compareCodePoints('\u{1F600}a', '\u{1F600}a')).toBe(0)
    expect(compareCodePoints('', '')).toBe(0)
  })
})

describe('idempotency keys', () => {
  const prefix = 'acme/app/123/1/release/refold/Release%20Published'
  const one = parseAccounts('acme-corp', actionNaming)
  const several = parseAccounts('acme-corp\nglobex', actionNaming)
  const every = parseAccounts('*', actionNaming)

  it('ends a generated key with the percent-encoded account, for one account too', () => {
    const rule = keyRule('', prefix, one)
    expect(accountKey(rule, 'acme-corp')).toBe(`${prefix}/acme-corp`)
    expect(accountKey(keyRule('', prefix, several), 'Acme Corp/EU')).toBe(
      `${prefix}/Acme%20Corp%2FEU`
    )
    expect(accountKey(keyRule('', prefix, every), 'café')).toBe(`${prefix}/caf%C3%A9`)
  })

  it('sends a given key as is when the input names exactly one account', () => {
    const rule = keyRule('release-4.2', prefix, one)
    expect(accountKey(rule, 'acme-corp')).toBe('release-4.2')
    expect(sharedKey(rule)).toBe('release-4.2')
  })

  it('counts an account written twice as one', () => {
    expect(
      accountKey(keyRule('release-4.2', prefix, parseAccounts('a\na', actionNaming)), 'a')
    ).toBe('release-4.2')
  })

  it('suffixes a given key with the encoded account when the input names several, or *', () => {
    const rule = keyRule('release-4.2', prefix, several)
    expect(accountKey(rule, 'globex')).toBe('release-4.2/globex')
    expect(accountKey(keyRule('release-4.2', prefix, every), 'a b')).toBe('release-4.2/a%20b')
    expect(sharedKey(rule)).toBe('release-4.2')
  })

  it('derives the same key for an account in every shard job, as the list is counted before shard', () => {
    // Shard 2/2 of two accounts keeps one, but the input named two: the key stays per account.
    const [kept] = shardSlice(['acme-corp', 'globex'], 2, 2)
    expect(accountKey(keyRule('release-4.2', prefix, several), kept)).toBe('release-4.2/globex')
  })

  it('gives a different key to each account', () => {
    const rule = keyRule('', prefix, several)
    expect(accountKey(rule, 'acme-corp')).not.toBe(accountKey(rule, 'globex'))
    expect(sharedKey(rule)).toBe(prefix)
  })
})

describe('linked_account_file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'refold-accounts-'))
  const file = (name: string, text: string): string => {
    writeFileSync(path.join(dir, name), text)
    return name
  }

  it('reads one id per line, trimmed, skipping blank and # lines, each once', async () => {
    const name = file('ids.txt', '# customers\n acme \n\n  # globex left\nglobex\r\nacme\n')
    expect(await readAccountFile(dir, name, actionNaming)).toEqual({
      accounts: { kind: 'list', accounts: ['acme', 'globex'], duplicates: ['acme'] }
    })
  })

  it('resumes from a results file: only the accounts that did not end ok', async () => {
    const rows = [
      { linked_account_id: 'acme', ok: true },
      { linked_account_id: 'globex', ok: false, message: 'not sent: cancelled' },
      { linked_account_id: 'initech', ok: false, message: 'unknown: cancelled in flight' }
    ]
    const name = file('run.jsonl', rows.map(row => JSON.stringify(row)).join('\n') + '\n')
    expect(await readAccountFile(dir, name, actionNaming)).toEqual({
      accounts: { kind: 'list', accounts: ['globex', 'initech'], duplicates: [] }
    })
  })

  it('fires nothing, with a notice, when every row of a results file ended ok', async () => {
    const name = file('done.jsonl', '{"linked_account_id":"acme","ok":true}\n')
    const read = await readAccountFile(dir, name, actionNaming)
    expect(read.accounts.accounts).toEqual([])
    expect(read.notice).toBe('Every account of "done.jsonl" ended ok: nothing to fire again.')
  })

  it('is an input error for a "*" line, a file without ids, or a row that is not a result', async () => {
    const star = await rejection(readAccountFile(dir, file('star.txt', 'acme\n*\n'), actionNaming))
    expect(star).toBeInstanceOf(InputError)
    expect(star.message).toBe(
      `Invalid input 'linked_account_file': "star.txt" has a "*" line; for every linked account use input 'linked_account_id' "*".`
    )
    const empty = await rejection(
      readAccountFile(dir, file('empty.txt', '# none\n\n'), actionNaming)
    )
    expect(empty.message).toBe(
      `Invalid input 'linked_account_file': "empty.txt" names no linked account.`
    )
    const bad = await rejection(
      readAccountFile(dir, file('bad.jsonl', '{"ok":false}\n'), actionNaming)
    )
    expect(bad.message).toContain('line 1 is not a result with a "linked_account_id"')
  })

  it('says where relative paths start when the file is missing', async () => {
    const missing = await rejection(readAccountFile(dir, 'nope.txt', actionNaming))
    expect(missing.message).toBe(
      `Invalid input 'linked_account_file': "nope.txt" cannot be read: no such file (paths are relative to GITHUB_WORKSPACE).`
    )
  })
})
