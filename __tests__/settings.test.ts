import { describe, expect, it, jest } from '@jest/globals'
import { InputError } from '../src/core/errors.js'
import {
  CONCURRENCY_RANGE,
  parseNumberInput,
  RATE_LIMIT_RANGE,
  readSettings,
  withoutCredentials
} from '../src/core/settings.js'

const KEY = 'pk_live_0123456789abcdef'

function reader(inputs: Record<string, string>) {
  return {
    getInput: (name: string) => inputs[name] ?? '',
    setSecret: jest.fn<(secret: string) => void>(),
    debug: jest.fn<(message: string) => void>()
  }
}

const minimal = { api_key: KEY, event: 'Release Published', linked_account_id: 'acme@example.com' }

function inputError(inputs: Record<string, string>): InputError {
  try {
    readSettings(reader(inputs))
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

describe('readSettings', () => {
  it('reads the minimal inputs with the contract defaults', () => {
    const settings = readSettings(reader(minimal))
    expect(settings).toEqual({
      apiKey: KEY,
      event: 'Release Published',
      accounts: { kind: 'list', accounts: ['acme@example.com'], duplicates: [] },
      shard: undefined,
      configId: undefined,
      slug: undefined,
      payload: { kind: 'none' },
      githubContext: 'auto',
      baseUrl: 'https://api.gocobalt.io',
      timeoutMs: 30_000,
      retries: 3,
      failOnError: true,
      idempotencyKey: undefined,
      dryRun: false,
      wait: false,
      waitTimeoutMs: 600_000,
      waitIntervalMs: 10_000,
      waitSettleMs: 10_000,
      expectedWorkflows: undefined,
      stopUnfinished: false,
      preflight: 'auto',
      summary: true,
      rateLimit: 10,
      concurrency: 5
    })
  })

  it('masks the api key before anything is logged, and never debug-logs it', () => {
    const core = reader({ ...minimal, timeout: '5' })
    readSettings(core)
    expect(core.setSecret).toHaveBeenCalledWith(KEY)
    expect(core.setSecret.mock.invocationCallOrder[0]).toBeLessThan(
      core.debug.mock.invocationCallOrder[0]
    )
    expect(JSON.stringify(core.debug.mock.calls)).not.toContain(KEY)
  })

  it.each(['event', 'linked_account_id', 'api_key'])('requires %s', name => {
    const error = inputError({ ...minimal, [name]: '  ' })
    expect(error.input).toBe(name)
    expect(error.message).toContain(`'${name}'`)
  })

  it('does not require api_key in a dry run, but still requires event and linked_account_id', () => {
    expect(readSettings(reader({ ...minimal, api_key: '', dry_run: 'true' })).apiKey).toBe('')
    expect(inputError({ linked_account_id: 'a', dry_run: 'true' }).input).toBe('event')
  })

  it.each([
    ['timeout', 'abc', 'is not a number of seconds from 1 to 600.'],
    ['timeout', '0', 'is not a number of seconds from 1 to 600.'],
    ['timeout', '-5', 'is not a number of seconds from 1 to 600.'],
    ['wait_timeout', '10m', 'is not a number of seconds from 1 to 21600.'],
    ['wait_interval', '0', 'is not a number of seconds from 1 to 300.'],
    ['retries', '11', 'is not a whole number from 0 to 10'],
    ['retries', '1.5', 'is not a whole number from 0 to 10'],
    ['retries', '-1', 'is not a whole number from 0 to 10'],
    ['fail_on_error', 'yes', 'is not true or false'],
    ['dry_run', '1', 'is not true or false'],
    ['wait', 'on', 'is not true or false'],
    ['summary', 'nope', 'is not true or false'],
    ['github_context', 'sometimes', 'is not one of auto, always, never'],
    ['base_url', 'ftp://refold.example', 'is not an http:// or https:// URL'],
    ['base_url', 'api.gocobalt.io', 'is not an http:// or https:// URL']
  ])('rejects %s: %j, naming the input and quoting the value', (name, value, expected) => {
    const error = inputError({ ...minimal, [name]: value })
    expect(error.input).toBe(name)
    const prefix = `Invalid input '${name}': ${JSON.stringify(value)} ${expected}`
    expect(error.message.slice(0, prefix.length)).toBe(prefix)
  })

  it('accepts the booleans core.getBooleanInput accepts', () => {
    for (const value of ['true', 'True', 'TRUE']) {
      expect(readSettings(reader({ ...minimal, wait: value })).wait).toBe(true)
    }
    for (const value of ['false', 'False', 'FALSE']) {
      expect(readSettings(reader({ ...minimal, fail_on_error: value })).failOnError).toBe(false)
    }
  })

  it('accepts fractional seconds and retries 0 to 10', () => {
    const settings = readSettings(reader({ ...minimal, timeout: '2.5', retries: '0' }))
    expect(settings.timeoutMs).toBe(2500)
    expect(settings.retries).toBe(0)
    expect(readSettings(reader({ ...minimal, retries: '10' })).retries).toBe(10)
  })

  describe('number inputs have documented ranges', () => {
    it.each([
      ['timeout', 'timeoutMs', '1', 1000],
      ['timeout', 'timeoutMs', '600', 600_000],
      ['timeout', 'timeoutMs', '1.1', 1100],
      ['retries', 'retries', '0', 0],
      ['retries', 'retries', '10', 10],
      ['wait_timeout', 'waitTimeoutMs', '1', 1000],
      ['wait_timeout', 'waitTimeoutMs', '21600', 21_600_000],
      ['wait_interval', 'waitIntervalMs', '1', 1000],
      ['wait_interval', 'waitIntervalMs', '300', 300_000]
    ] as const)('accepts %s: %j at the edge of its range', (name, field, value, expected) => {
      expect(readSettings(reader({ ...minimal, [name]: value }))[field]).toBe(expected)
    })

    it.each([
      ['timeout', '3000000', 'is not a number of seconds from 1 to 600.'],
      ['timeout', '600.5', 'is not a number of seconds from 1 to 600.'],
      ['timeout', '0.5', 'is not a number of seconds from 1 to 600.'],
      ['timeout', '1e3', 'is not a number of seconds from 1 to 600.'],
      ['timeout', '0x10', 'is not a number of seconds from 1 to 600.'],
      ['timeout', 'Infinity', 'is not a number of seconds from 1 to 600.'],
      ['timeout', '+5', 'is not a number of seconds from 1 to 600.'],
      ['retries', '1000', 'is not a whole number from 0 to 10.'],
      ['wait_timeout', '21601', 'is not a number of seconds from 1 to 21600.'],
      ['wait_timeout', '0.5', 'is not a number of seconds from 1 to 21600.'],
      ['wait_interval', '0.0001', 'is not a number of seconds from 1 to 300.'],
      ['wait_interval', '301', 'is not a number of seconds from 1 to 300.']
    ])(
      'rejects %s: %j outside its range with the range in the message',
      (name, value, expected) => {
        const error = inputError({ ...minimal, [name]: value })
        expect(error.input).toBe(name)
        expect(error.message).toBe(`Invalid input '${name}': ${JSON.stringify(value)} ${expected}`)
      }
    )

    it('says the whole contract message for an overflowing timeout', () => {
      expect(inputError({ ...minimal, timeout: '3000000' }).message).toBe(
        `Invalid input 'timeout': "3000000" is not a number of seconds from 1 to 600.`
      )
    })
  })

  describe('parseNumberInput, the range reader every number input shares', () => {
    it('reads rate_limit from 0.1 to 1000 requests per second', () => {
      expect(parseNumberInput('rate_limit', '0.1', RATE_LIMIT_RANGE)).toBe(0.1)
      expect(parseNumberInput('rate_limit', '1000', RATE_LIMIT_RANGE)).toBe(1000)
      expect(parseNumberInput('rate_limit', '.5', RATE_LIMIT_RANGE)).toBe(0.5)
      for (const value of ['0.09', '1001', '0', '-1', 'ten']) {
        expect(() => parseNumberInput('rate_limit', value, RATE_LIMIT_RANGE)).toThrow(
          `Invalid input 'rate_limit': ${JSON.stringify(value)} is not a number from 0.1 to 1000.`
        )
      }
    })

    it('reads concurrency as a whole number from 1 to 20', () => {
      expect(parseNumberInput('concurrency', '1', CONCURRENCY_RANGE)).toBe(1)
      expect(parseNumberInput('concurrency', '20', CONCURRENCY_RANGE)).toBe(20)
      for (const value of ['0', '21', '2.5', '5.']) {
        expect(() => parseNumberInput('concurrency', value, CONCURRENCY_RANGE)).toThrow(
          `Invalid input 'concurrency': ${JSON.stringify(value)} is not a whole number from 1 to 20.`
        )
      }
    })

    it('throws an InputError naming the input', () => {
      expect(() => parseNumberInput('concurrency', '99', CONCURRENCY_RANGE)).toThrow(InputError)
    })
  })

  it('drops a trailing slash from base_url, so it is harmless', () => {
    const settings = readSettings(reader({ ...minimal, base_url: 'https://app.refold.ai/' }))
    expect(settings.baseUrl).toBe('https://app.refold.ai')
    const selfHosted = readSettings(
      reader({ ...minimal, base_url: 'https://refold.acme.internal/x/' })
    )
    expect(selfHosted.baseUrl).toBe('https://refold.acme.internal/x')
  })

  it('refuses credentials in base_url without quoting them', () => {
    const error = inputError({ ...minimal, base_url: 'https://user:s3cret@refold.example' })
    expect(error.input).toBe('base_url')
    expect(error.message).not.toContain('s3cret')
  })

  it('quotes base_url without its credentials when it refuses them', () => {
    const error = inputError({ ...minimal, base_url: 'https://user:s3cret@refold.example/x' })
    expect(error.message).toBe(
      `Invalid input 'base_url': "https://***@refold.example/x" has credentials in it, which are ` +
        `not allowed; the key goes in 'api_key'.`
    )
  })

  it.each([
    'ftp://user:SECRET@host',
    'ftp://SECRET@host/path',
    'https://user:SE/CRET@refold.example',
    'https://user:SECRET@',
    'mailto:user:SECRET@host',
    'user:SECRET@refold.example'
  ])('never quotes the credentials of any base_url, not even %j', value => {
    const error = inputError({ ...minimal, base_url: value })
    expect(error.input).toBe('base_url')
    expect(error.message).toMatch(/^Invalid input 'base_url': ".*\*\*\*@.*" /)
    expect(error.message).not.toContain('SECRET')
    expect(error.message).not.toContain('SE/CRET')
  })

  it('names the scheme and host of a non-http base_url it refuses, credentials removed', () => {
    expect(inputError({ ...minimal, base_url: 'ftp://user:SECRET@host' }).message).toBe(
      `Invalid input 'base_url': "ftp://***@host" is not an http:// or https:// URL such as ` +
        'https://api.gocobalt.io.'
    )
  })

  it.each([
    'https://app.refold.ai?',
    'https://app.refold.ai/?',
    'https://app.refold.ai#',
    'https://app.refold.ai/x/#',
    'https://app.refold.ai/?a=1',
    'https://app.refold.ai/#top'
  ])('rejects a base_url with a query or fragment, even a bare one: %j', value => {
    const error = inputError({ ...minimal, base_url: value })
    expect(error.input).toBe('base_url')
    expect(error.message).toBe(
      `Invalid input 'base_url': ${JSON.stringify(value)} has a query or fragment ("?" or "#"); ` +
        'give the origin and an optional path prefix, such as https://api.gocobalt.io.'
    )
  })

  it('still accepts an IPv6 literal and an @ in the path prefix', () => {
    expect(readSettings(reader({ ...minimal, base_url: 'http://[::1]:8080' })).baseUrl).toBe(
      'http://[::1]:8080'
    )
    expect(
      readSettings(reader({ ...minimal, base_url: 'https://refold.acme.io/@team' })).baseUrl
    ).toBe('https://refold.acme.io/@team')
  })

  it('withoutCredentials drops everything up to the last @, and leaves other URLs alone', () => {
    expect(withoutCredentials('https://u:p@h:1/x')).toBe('https://***@h:1/x')
    expect(withoutCredentials('ftp://a@b@host')).toBe('ftp://***@host')
    expect(withoutCredentials('https://app.refold.ai/x')).toBe('https://app.refold.ai/x')
  })

  it.each(['linked_account_id', 'config_id', 'slug', 'idempotency_key'])(
    'rejects a %s that no HTTP header can carry, quoting it',
    name => {
      const error = inputError({ ...minimal, [name]: 'acme\u2028corp' })
      expect(error.input).toBe(name)
      expect(error.message).toBe(
        `Invalid input '${name}': "acme\u2028corp" contains characters an HTTP header cannot carry.`
      )
    }
  )

  it('rejects an api_key no HTTP header can carry without quoting it', () => {
    const error = inputError({ ...minimal, api_key: 'pk_live_abc\u0007def' })
    expect(error.input).toBe('api_key')
    expect(error.message).not.toContain('pk_live_abc')
  })

  it('accepts Latin-1 letters in header inputs, as Node sends them', () => {
    expect(
      readSettings(reader({ ...minimal, linked_account_id: 'josé@example.com' })).accounts
    ).toEqual({ kind: 'list', accounts: ['josé@example.com'], duplicates: [] })
  })

  it('rejects payload and payload_file together', () => {
    const error = inputError({ ...minimal, payload: '{"a":1}', payload_file: 'p.json' })
    expect(error.message).toContain("'payload' and 'payload_file'")
  })

  it('keeps config_id, slug and an explicit idempotency_key', () => {
    const settings = readSettings(
      reader({ ...minimal, config_id: 'cfg-1', slug: 'hubspot', idempotency_key: 'release-1.2.3' })
    )
    expect(settings).toMatchObject({
      configId: 'cfg-1',
      slug: 'hubspot',
      idempotencyKey: 'release-1.2.3'
    })
  })

  it('reads the payload source as inline text or a file', () => {
    expect(readSettings(reader({ ...minimal, payload: 'a: 1\n' })).payload).toEqual({
      kind: 'inline',
      text: 'a: 1\n'
    })
    expect(readSettings(reader({ ...minimal, payload_file: 'p.yml' })).payload).toEqual({
      kind: 'file',
      path: 'p.yml'
    })
  })
})

describe('readSettings: many linked accounts, shard, rate and concurrency', () => {
  it('reads several accounts one per line, and * for every account of the org', () => {
    expect(
      readSettings(reader({ ...minimal, linked_account_id: 'acme\n\n  globex \nacme\n' })).accounts
    ).toEqual({ kind: 'list', accounts: ['acme', 'globex'], duplicates: ['acme'] })
    expect(readSettings(reader({ ...minimal, linked_account_id: '*' })).accounts).toEqual({
      kind: 'every'
    })
  })

  it('reads shard as i/n, and no shard when it is empty', () => {
    expect(readSettings(reader({ ...minimal, shard: '2/3' })).shard).toEqual({
      index: 2,
      count: 3
    })
    expect(readSettings(reader(minimal)).shard).toBeUndefined()
    expect(inputError({ ...minimal, shard: '4/3' }).input).toBe('shard')
  })

  it('reads rate_limit and concurrency within their ranges', () => {
    const settings = readSettings(reader({ ...minimal, rate_limit: '2.5', concurrency: '20' }))
    expect(settings.rateLimit).toBe(2.5)
    expect(settings.concurrency).toBe(20)
    expect(inputError({ ...minimal, rate_limit: '0' }).message).toBe(
      `Invalid input 'rate_limit': "0" is not a number from 0.1 to 1000.`
    )
    expect(inputError({ ...minimal, concurrency: '21' }).message).toBe(
      `Invalid input 'concurrency': "21" is not a whole number from 1 to 20.`
    )
  })

  it('leaves idempotency_key undefined when it is not set: the door generates the key', () => {
    expect(readSettings(reader({ ...minimal, idempotency_key: '   ' })).idempotencyKey).toBe(
      undefined
    )
  })

  it('needs api_key for a dry run with *, which lists the accounts, but not with a list', () => {
    const error = inputError({ ...minimal, api_key: '', dry_run: 'true', linked_account_id: '*' })
    expect(error.input).toBe('api_key')
    expect(error.message).toContain(`linked_account_id: "*" lists the org's linked accounts`)
    expect(
      readSettings(reader({ ...minimal, api_key: '', dry_run: 'true', linked_account_id: 'a\nb' }))
        .accounts
    ).toEqual({ kind: 'list', accounts: ['a', 'b'], duplicates: [] })
  })
})
