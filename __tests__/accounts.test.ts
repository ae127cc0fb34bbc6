// The account list, the matrix shard and the per-account Idempotency-Key, as the contract's
// "Many linked accounts" section and the `shard` and `idempotency_key` rows describe them.
import { describe, it, expect } from '@jest/globals'
import { InputError } from '../src/core/errors.js'
import {
  accountKey,
  compareCodePoints,
  keyRule,
  parseAccounts,
  parseShard,
  sharedKey,
  shardSlice
} from '../src/core/accounts.js'

function inputError(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError')
}

describe('linked_account_id', () => {
  it('reads one id', () => {
    expect(parseAccounts('acme-corp')).toEqual({
      kind: 'list',
      accounts: ['acme-corp'],
      duplicates: []
    })
  })

  it('reads one id per line, ignoring blank lines and surrounding spaces', () => {
    const text = '\n  acme-corp  \n\n\tglobex\r\n   \ninitech\r\rumbrella\n'
    expect(parseAccounts(text)).toEqual({
      kind: 'list',
      accounts: ['acme-corp', 'globex', 'initech', 'umbrella'],
      duplicates: []
    })
  })

  it('keeps spaces inside an id', () => {
    expect(parseAccounts(' Acme Corp \n')).toMatchObject({ accounts: ['Acme Corp'] })
  })

  it('fires an id given twice once, in its first place, and reports it once', () => {
    expect(parseAccounts('b\na\n b\nc\na\nb')).toEqual({
      kind: 'list',
      accounts: ['b', 'a', 'c'],
      duplicates: ['b', 'a']
    })
  })

  it('reads one entry per flag, each of which may hold several lines (the CLI)', () => {
    expect(parseAccounts(['a', ' b\nc ', 'a'])).toEqual({
      kind: 'list',
      accounts: ['a', 'b', 'c'],
      duplicates: ['a']
    })
  })

  it.each(['*', '  *  ', '\n*\n', '*\n*'])('reads %j as every linked account', text => {
    expect(parseAccounts(text)).toEqual({ kind: 'every' })
  })

  it('reads an id that merely contains a star as an id', () => {
    expect(parseAccounts('acme*')).toMatchObject({ kind: 'list', accounts: ['acme*'] })
  })

  it('is an input error to mix * with other ids', () => {
    const error = inputError(() => parseAccounts('acme-corp\n*\nglobex'))
    expect(error.input).toBe('linked_account_id')
    expect(error.message).toBe(
      `Invalid input 'linked_account_id': "*" (every linked account) cannot be combined with ` +
        `other ids such as "acme-corp".`
    )
  })

  it.each(['', '   ', '\n \n\t\n'])('is an input error when empty: %j', text => {
    const error = inputError(() => parseAccounts(text))
    expect(error.input).toBe('linked_account_id')
    expect(error.message).toBe(`Missing input 'linked_account_id': it is required.`)
  })

  it('is an input error when an id holds what a header cannot carry, quoting that id', () => {
    const error = inputError(() => parseAccounts('acme\nbad\u0000id\nglobex'))
    expect(error.input).toBe('linked_account_id')
    expect(error.message).toBe(
      `Invalid input 'linked_account_id': "bad\\u0000id" contains characters an HTTP header cannot carry.`
    )
  })

  it('accepts Latin-1 letters, which a header can carry', () => {
    expect(parseAccounts('café')).toMatchObject({ accounts: ['café'] })
  })
})

describe('shard', () => {
  it('is no sharding when empty', () => {
    expect(parseShard('')).toBeUndefined()
    expect(parseShard('  ')).toBeUndefined()
  })

  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/3', { index: 2, count: 3 }],
    [' 4/4 ', { index: 4, count: 4 }],
    ['2 / 7', { index: 2, count: 7 }],
    ['03/10', { index: 3, count: 10 }]
  ])('reads %j', (text, shard) => {
    expect(parseShard(text)).toEqual(shard)
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
    const error = inputError(() => parseShard(text))
    expect(error.input).toBe('shard')
    expect(error.message).toBe(
      `Invalid input 'shard': ${JSON.stringify(text.trim())} is not i/n with 1 ≤ i ≤ n.`
    )
  })

  it('gives the message the contract shows', () => {
    expect(() => parseShard('3/2')).toThrow(
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
  const one = parseAccounts('acme-corp')
  const several = parseAccounts('acme-corp\nglobex')
  const every = parseAccounts('*')

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
    expect(accountKey(keyRule('release-4.2', prefix, parseAccounts('a\na')), 'a')).toBe(
      'release-4.2'
    )
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
