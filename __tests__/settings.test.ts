import { describe, expect, it, jest } from '@jest/globals'
import { actionNaming } from '../src/action/inputs.js'
import { InputError } from '../src/core/errors.js'
import { libraryNaming } from '../src/core/naming.js'
import { readSettings, withoutCredentials } from '../src/core/settings.js'
import { thrown } from './helpers/common.js'

const KEY = 'pk_live_0123456789abcdef'

function reader(inputs: Record<string, unknown>) {
  return {
    read: (name: string) => inputs[name] ?? '',
    secret: jest.fn<(secret: string) => void>(),
    debug: jest.fn<(message: string) => void>()
  }
}

const minimal = { api_key: KEY, event: 'Release Published', linked_account_id: 'acme@example.com' }

function settingsOf(inputs: Record<string, unknown>) {
  return readSettings(reader(inputs), actionNaming)
}

function inputError(inputs: Record<string, unknown>): InputError {
  const error = thrown(() => settingsOf(inputs))
  if (!(error instanceof InputError)) throw error
  return error
}

describe('readSettings', () => {
  it('reads the minimal inputs with the contract defaults', () => {
    const settings = settingsOf(minimal)
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
    readSettings(core, actionNaming)
    expect(core.secret).toHaveBeenCalledWith(KEY)
    expect(core.secret.mock.invocationCallOrder[0]).toBeLessThan(
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
    expect(settingsOf({ ...minimal, api_key: '', dry_run: 'true' }).apiKey).toBe('')
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
      expect(settingsOf({ ...minimal, wait: value }).wait).toBe(true)
    }
    for (const value of ['false', 'False', 'FALSE']) {
      expect(settingsOf({ ...minimal, fail_on_error: value }).failOnError).toBe(false)
    }
  })

  it('accepts fractional seconds and retries 0 to 10', () => {
    const settings = settingsOf({ ...minimal, timeout: '2.5', retries: '0' })
    expect(settings.timeoutMs).toBe(2500)
    expect(settings.retries).toBe(0)
    expect(settingsOf({ ...minimal, retries: '10' }).retries).toBe(10)
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
      expect(settingsOf({ ...minimal, [name]: value })[field]).toBe(expected)
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

  describe('the number ranges every door shares', () => {
    it('reads rate_limit from 0.1 to 1000 requests per second', () => {
      expect(settingsOf({ ...minimal, rate_limit: '0.1' }).rateLimit).toBe(0.1)
      expect(settingsOf({ ...minimal, rate_limit: '1000' }).rateLimit).toBe(1000)
      expect(settingsOf({ ...minimal, rate_limit: '.5' }).rateLimit).toBe(0.5)
      for (const value of ['0.09', '1001', '0', '-1', 'ten']) {
        expect(inputError({ ...minimal, rate_limit: value }).message).toBe(
          `Invalid input 'rate_limit': ${JSON.stringify(value)} is not a number from 0.1 to 1000.`
        )
      }
    })

    it('reads concurrency as a whole number from 1 to 20', () => {
      expect(settingsOf({ ...minimal, concurrency: '1' }).concurrency).toBe(1)
      expect(settingsOf({ ...minimal, concurrency: '20' }).concurrency).toBe(20)
      for (const value of ['0', '21', '2.5', '5.']) {
        expect(inputError({ ...minimal, concurrency: value }).message).toBe(
          `Invalid input 'concurrency': ${JSON.stringify(value)} is not a whole number from 1 to 20.`
        )
      }
    })
  })

  describe("the library's typed options, held to the same rules", () => {
    const typed = (options: Record<string, unknown>) =>
      readSettings({ read: name => options[name] }, libraryNaming)
    const base = { api_key: KEY, event: 'Release Published', linked_account_id: ['acme'] }

    it('takes numbers, booleans, arrays and objects as they are', () => {
      const settings = typed({
        ...base,
        timeout: 2.5,
        wait: true,
        wait_settle: 0,
        expected_workflows: 2,
        preflight: false,
        payload: { version: '1.2.3' }
      })
      expect(settings).toMatchObject({
        timeoutMs: 2500,
        wait: true,
        waitSettleMs: 0,
        expectedWorkflows: 2,
        preflight: 'never',
        payload: { kind: 'value', value: { version: '1.2.3' } },
        accounts: { kind: 'list', accounts: ['acme'] }
      })
    })

    it('names a bad option the library way and quotes the value', () => {
      const error = thrown(() => typed({ ...base, wait_timeout: -1 }))
      expect(error).toBeInstanceOf(InputError)
      expect(error.message).toBe(
        'Invalid options.waitTimeout: -1 is not a number of seconds from 1 to 21600.'
      )
      expect(thrown(() => typed({ ...base, retries: 1.5 })).message).toBe(
        'Invalid options.retries: 1.5 is not a whole number from 0 to 10.'
      )
      expect(thrown(() => typed({ ...base, wait: 'yes' })).message).toBe(
        'Invalid options.wait: "yes" is not true or false.'
      )
      expect(thrown(() => typed({ ...base, event: 42 })).message).toBe(
        'Invalid options.event: 42 is not a string.'
      )
      expect(thrown(() => typed({ ...base, linked_account_id: [] })).message).toBe(
        'Missing options.linkedAccounts: it is required (or options.linkedAccountFile).'
      )
    })

    it('reads preflight as auto, true or false, and refuses anything else', () => {
      expect(typed({ ...base, preflight: 'auto' }).preflight).toBe('auto')
      expect(typed({ ...base, preflight: 'true' }).preflight).toBe('always')
      expect(typed({ ...base, preflight: 'False' }).preflight).toBe('never')
      expect(thrown(() => typed({ ...base, preflight: 'sometimes' })).message).toBe(
        'Invalid options.preflight: "sometimes" is not one of auto, true, false.'
      )
    })

    it('needs the key for a dry run that must check before firing', () => {
      const error = thrown(() => typed({ ...base, api_key: '', dry_run: true, preflight: true }))
      expect(error.message).toBe(
        'Missing options.apiKey: options.preflight true checks the event against Refold, which ' +
          'needs the key, even in a dry run.'
      )
    })

    it('refuses an account list holding something other than text', () => {
      expect(thrown(() => typed({ ...base, linked_account_id: ['acme', 7] })).message).toBe(
        'Invalid options.linkedAccounts: every linked account id must be a string.'
      )
    })

    it('refuses linked_account_id and linked_account_file together, naming both', () => {
      expect(thrown(() => typed({ ...base, linked_account_file: 'ids.txt' })).message).toBe(
        'Invalid options.linkedAccountFile: set it or options.linkedAccounts, not both.'
      )
    })
  })

  it('drops a trailing slash from base_url, so it is harmless', () => {
    const settings = settingsOf({ ...minimal, base_url: 'https://app.refold.ai/' })
    expect(settings.baseUrl).toBe('https://app.refold.ai')
    const selfHosted = settingsOf({ ...minimal, base_url: 'https://refold.acme.internal/x/' })
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
        `not allowed; the key goes in input 'api_key'.`
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
    expect(settingsOf({ ...minimal, base_url: 'http://[::1]:8080' }).baseUrl).toBe(
      'http://[::1]:8080'
    )
    expect(settingsOf({ ...minimal, base_url: 'https://refold.acme.io/@team' }).baseUrl).toBe(
      'https://refold.acme.io/@team'
    )
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
    expect(settingsOf({ ...minimal, linked_account_id: 'josé@example.com' }).accounts).toEqual({
      kind: 'list',
      accounts: ['josé@example.com'],
      duplicates: []
    })
  })

  it('rejects payload and payload_file together', () => {
    const error = inputError({ ...minimal, payload: '{"a":1}', payload_file: 'p.json' })
    expect(error.message).toBe("Invalid input 'payload_file': set it or input 'payload', not both.")
  })

  it('keeps config_id, slug and an explicit idempotency_key', () => {
    const settings = settingsOf({
      ...minimal,
      config_id: 'cfg-1',
      slug: 'hubspot',
      idempotency_key: 'release-1.2.3'
    })
    expect(settings).toMatchObject({
      configId: 'cfg-1',
      slug: 'hubspot',
      idempotencyKey: 'release-1.2.3'
    })
  })

  it('reads the payload source as inline text or a file', () => {
    expect(settingsOf({ ...minimal, payload: 'a: 1\n' }).payload).toEqual({
      kind: 'inline',
      text: 'a: 1\n'
    })
    expect(settingsOf({ ...minimal, payload_file: 'p.yml' }).payload).toEqual({
      kind: 'file',
      path: 'p.yml'
    })
  })
})

describe('readSettings: many linked accounts, shard, rate and concurrency', () => {
  it('reads several accounts one per line, and * for every account of the org', () => {
    expect(
      settingsOf({ ...minimal, linked_account_id: 'acme\n\n  globex \nacme\n' }).accounts
    ).toEqual({ kind: 'list', accounts: ['acme', 'globex'], duplicates: ['acme'] })
    expect(settingsOf({ ...minimal, linked_account_id: '*' }).accounts).toEqual({
      kind: 'every'
    })
  })

  it('reads shard as i/n, and no shard when it is empty', () => {
    expect(settingsOf({ ...minimal, shard: '2/3' }).shard).toEqual({
      index: 2,
      count: 3
    })
    expect(settingsOf(minimal).shard).toBeUndefined()
    expect(inputError({ ...minimal, shard: '4/3' }).input).toBe('shard')
  })

  it('reads rate_limit and concurrency within their ranges', () => {
    const settings = settingsOf({ ...minimal, rate_limit: '2.5', concurrency: '20' })
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
    expect(settingsOf({ ...minimal, idempotency_key: '   ' }).idempotencyKey).toBe(undefined)
  })

  it('needs api_key for a dry run with *, which lists the accounts, but not with a list', () => {
    const error = inputError({ ...minimal, api_key: '', dry_run: 'true', linked_account_id: '*' })
    expect(error.input).toBe('api_key')
    expect(error.message).toContain(
      `with input 'linked_account_id' "*" lists the org's linked accounts`
    )
    expect(
      settingsOf({ ...minimal, api_key: '', dry_run: 'true', linked_account_id: 'a\nb' }).accounts
    ).toEqual({ kind: 'list', accounts: ['a', 'b'], duplicates: [] })
  })
})
