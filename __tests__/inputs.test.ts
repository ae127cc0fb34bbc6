import { describe, expect, it, jest } from '@jest/globals'
import { InputError } from '../src/core/errors.js'
import { deriveIdempotencyKey, readSettings } from '../src/core/settings.js'

const KEY = 'pk_live_0123456789abcdef'

function reader(inputs: Record<string, string>) {
  return {
    getInput: (name: string) => inputs[name] ?? '',
    setSecret: jest.fn<(secret: string) => void>(),
    debug: jest.fn<(message: string) => void>()
  }
}

const minimal = { api_key: KEY, event: 'Release Published', linked_account_id: 'acme@example.com' }
const env = {
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_RUN_ID: '123',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'release',
  GITHUB_ACTION: 'notify'
}

function inputError(inputs: Record<string, string>): InputError {
  try {
    readSettings(reader(inputs), env)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

describe('readSettings', () => {
  it('reads the minimal inputs with the contract defaults', () => {
    const settings = readSettings(reader(minimal), env)
    expect(settings).toEqual({
      apiKey: KEY,
      event: 'Release Published',
      linkedAccountId: 'acme@example.com',
      configId: undefined,
      slug: undefined,
      payload: { kind: 'none' },
      githubContext: 'auto',
      baseUrl: 'https://api.gocobalt.io',
      timeoutMs: 30_000,
      retries: 3,
      failOnError: true,
      idempotencyKey: 'acme/shop/123/2/release/notify/Release%20Published',
      dryRun: false,
      wait: false,
      waitTimeoutMs: 600_000,
      waitIntervalMs: 10_000,
      summary: true
    })
  })

  it('masks the api key before anything is logged, and never debug-logs it', () => {
    const core = reader({ ...minimal, timeout: '5' })
    readSettings(core, env)
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
    expect(readSettings(reader({ ...minimal, api_key: '', dry_run: 'true' }), env).apiKey).toBe('')
    expect(inputError({ linked_account_id: 'a', dry_run: 'true' }).input).toBe('event')
  })

  it.each([
    ['timeout', 'abc', 'is not a positive number of seconds'],
    ['timeout', '0', 'is not a positive number of seconds'],
    ['timeout', '-5', 'is not a positive number of seconds'],
    ['wait_timeout', '10m', 'is not a positive number of seconds'],
    ['wait_interval', '0', 'is not a positive number of seconds'],
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
      expect(readSettings(reader({ ...minimal, wait: value }), env).wait).toBe(true)
    }
    for (const value of ['false', 'False', 'FALSE']) {
      expect(readSettings(reader({ ...minimal, fail_on_error: value }), env).failOnError).toBe(
        false
      )
    }
  })

  it('accepts fractional seconds and retries 0 to 10', () => {
    const settings = readSettings(reader({ ...minimal, timeout: '2.5', retries: '0' }), env)
    expect(settings.timeoutMs).toBe(2500)
    expect(settings.retries).toBe(0)
    expect(readSettings(reader({ ...minimal, retries: '10' }), env).retries).toBe(10)
  })

  it('drops a trailing slash from base_url, so it is harmless', () => {
    const settings = readSettings(reader({ ...minimal, base_url: 'https://app.refold.ai/' }), env)
    expect(settings.baseUrl).toBe('https://app.refold.ai')
    const selfHosted = readSettings(
      reader({ ...minimal, base_url: 'https://refold.acme.internal/x/' }),
      env
    )
    expect(selfHosted.baseUrl).toBe('https://refold.acme.internal/x')
  })

  it('refuses credentials in base_url without quoting them', () => {
    const error = inputError({ ...minimal, base_url: 'https://user:s3cret@refold.example' })
    expect(error.input).toBe('base_url')
    expect(error.message).not.toContain('s3cret')
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
      readSettings(reader({ ...minimal, linked_account_id: 'josé@example.com' }), env)
        .linkedAccountId
    ).toBe('josé@example.com')
  })

  it('rejects payload and payload_file together', () => {
    const error = inputError({ ...minimal, payload: '{"a":1}', payload_file: 'p.json' })
    expect(error.message).toContain("'payload' and 'payload_file'")
  })

  it('keeps config_id, slug and an explicit idempotency_key', () => {
    const settings = readSettings(
      reader({ ...minimal, config_id: 'cfg-1', slug: 'hubspot', idempotency_key: 'release-1.2.3' }),
      env
    )
    expect(settings).toMatchObject({
      configId: 'cfg-1',
      slug: 'hubspot',
      idempotencyKey: 'release-1.2.3'
    })
  })

  it('reads the payload source as inline text or a file', () => {
    expect(readSettings(reader({ ...minimal, payload: 'a: 1\n' }), env).payload).toEqual({
      kind: 'inline',
      text: 'a: 1\n'
    })
    expect(readSettings(reader({ ...minimal, payload_file: 'p.yml' }), env).payload).toEqual({
      kind: 'file',
      path: 'p.yml'
    })
  })
})

describe('deriveIdempotencyKey', () => {
  it('is the same for every attempt of one step and differs for another step or a re-run', () => {
    const key = deriveIdempotencyKey(env, 'Release Published')
    expect(deriveIdempotencyKey({ ...env }, 'Release Published')).toBe(key)
    expect(
      deriveIdempotencyKey({ ...env, GITHUB_ACTION: 'notify2' }, 'Release Published')
    ).not.toBe(key)
    expect(deriveIdempotencyKey({ ...env, GITHUB_RUN_ATTEMPT: '3' }, 'Release Published')).not.toBe(
      key
    )
  })

  it('percent-encodes the event name so the header stays ASCII', () => {
    expect(deriveIdempotencyKey(env, 'Déploiement / prod ✓')).toBe(
      `acme/shop/123/2/release/notify/${encodeURIComponent('Déploiement / prod ✓')}`
    )
    expect(deriveIdempotencyKey(env, 'Déploiement / prod ✓')).toMatch(/^[\x20-\x7e]+$/)
  })
})
