// The CLI's run(argv, env, io, clock) with a stub io: exit codes, what goes to stdout and stderr,
// and the api key in neither. HTTP is nock's; the clock never sleeps.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import type { Cancellation } from '../src/cancel.js'
import { run } from '../src/cli/main.js'
import { virtualClock } from './helpers/common.js'

const KEY = 'pk_live_CLI_SECRET_0123456789'
const API = 'https://api.gocobalt.io'
const BASE = ['--event', 'Release Published', '--linked-account-id', 'acme@example.com']

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
// nock patches node:http for the whole worker; give it back for the test files that follow.
afterAll(() => nock.restore())

async function cli(
  argv: string[],
  options: { key?: string; stdin?: string; cancellation?: Cancellation } = { key: KEY }
) {
  let stdout = ''
  let stderr = ''
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: (async function* () {
      if (options.stdin !== undefined) yield Buffer.from(options.stdin)
    })()
  }
  const env = options.key ? { REFOLD_API_KEY: options.key } : {}
  const code = await run(argv, env, io, virtualClock(), options.cancellation)
  expect(stdout + stderr).not.toContain(KEY)
  return { code, stdout, stderr }
}

describe('the CLI', () => {
  it('prints the help and the version, exit 0', async () => {
    expect((await cli(['--help'])).stdout).toContain('--linked-account-id')
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  it('with no arguments at all prints the usage and exits 2', async () => {
    const result = await cli([])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^Usage: refold-trigger /m)
    expect(result.stderr).toContain('refold-trigger --help')
  })

  it('an empty standard input for --payload-file - exits 2 and sends nothing', async () => {
    for (const stdin of ['', '  \n']) {
      const result = await cli([...BASE, '--payload-file', '-'], { key: KEY, stdin })
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('Invalid --payload-file -: standard input is empty')
    }
  })

  it('names settings as the command line writes them, paths from the current directory', async () => {
    const missing = await cli([...BASE, '--payload-file', 'nope.json'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(
      'Invalid --payload-file: "nope.json" cannot be read: no such file (paths are relative to the current directory).'
    )
    const both = await cli([...BASE, '--linked-account-file', 'ids.txt'])
    expect(both.stderr).toContain(
      'Invalid --linked-account-file: set it or --linked-account-id, not both.'
    )
    expect(both.stderr).not.toMatch(/GITHUB_WORKSPACE|input '/)
  })

  it('a usage error exits 2 and sends nothing', async () => {
    const result = await cli([...BASE, '--bogus'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^refold-trigger: .*--bogus/)
  })

  it('without REFOLD_API_KEY exits 2 and says where the key goes', async () => {
    const result = await cli(BASE, {})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Missing REFOLD_API_KEY')
  })

  it('an input error exits 2 with the action message', async () => {
    const result = await cli([...BASE, '--retries', '11'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Invalid --retries')
  })

  it('fires the event and prints the outputs as JSON with --json', async () => {
    const scope = nock(API)
      .post('/api/v2/public/event', { event: 'Release Published', payload: {} })
      .matchHeader('x-api-key', KEY)
      .matchHeader('idempotency-key', /^[0-9a-f-]{36}\/acme%40example\.com$/)
      .reply(200, { message: 'Webhook Fired Success' })
    const result = await cli([...BASE, '--json'])
    expect(scope.isDone()).toBe(true)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      status_code: 200,
      attempts: 1,
      accepted: 1,
      failed: 0
    })
    expect(result.stderr).toContain('Refold accepted event "Release Published"')
  })

  it('a refusal exits 1 with the error on stderr; --no-fail-on-error makes it 0', async () => {
    const refusal = { status_code: 422, message: 'Payload rejected' }
    nock(API).post('/api/v2/public/event').reply(422, refusal)
    const failed = await cli(BASE)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('refold-trigger: error: Refold refused to trigger event')
    nock(API).post('/api/v2/public/event').reply(422, refusal)
    const warned = await cli([...BASE, '--no-fail-on-error'])
    expect(warned.code).toBe(0)
    expect(warned.stderr).toContain('warning: ')
  })

  it('reads --payload-file - from standard input', async () => {
    const scope = nock(API)
      .post('/api/v2/public/event', { event: 'Release Published', payload: { version: '2.4.0' } })
      .reply(200, { message: 'ok' })
    const result = await cli([...BASE, '--payload-file', '-'], {
      key: KEY,
      stdin: '\uFEFF{"version":"2.4.0"}'
    })
    expect(result.code).toBe(0)
    expect(scope.isDone()).toBe(true)
  })

  it('a dry run needs no key and prints the request it would send', async () => {
    const result = await cli([...BASE, '--dry-run'], {})
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('POST https://api.gocobalt.io/api/v2/public/event')
    expect(result.stderr).toContain('x-api-key: (not set)')
  })

  it('never prints the key, even one pasted into a flag by mistake', async () => {
    const result = await cli([...BASE, '--timeout', KEY])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('***')
  })
})

describe('the CLI, interrupted and at its edges', () => {
  it('exits 130 after SIGINT (143 after SIGTERM), still printing --json, sending nothing new', async () => {
    for (const [signal, status] of [
      ['SIGINT', 130],
      ['SIGTERM', 143]
    ] as const) {
      const controller = new AbortController()
      controller.abort()
      const result = await cli([...BASE, '--json'], {
        key: KEY,
        cancellation: { signal: controller.signal, received: () => signal }
      })
      expect(result.code).toBe(status)
      expect(JSON.parse(result.stdout).results[0].message).toBe('not sent: cancelled')
      expect(result.stderr).toContain('refold-trigger: Cancelled after 0 of 1 linked account')
    }
  })

  it('--json keeps a response that is not JSON as the text it is', async () => {
    nock(API).post('/api/v2/public/event').reply(502, '<html><title>Bad gateway</title></html>')
    const result = await cli([...BASE, '--json', '--retries', '0'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout).response).toBe('<html><title>Bad gateway</title></html>')
  })

  it('refuses more than 10 MiB on standard input, sending nothing', async () => {
    const result = await cli([...BASE, '--payload-file', '-'], {
      key: KEY,
      stdin: `{"a":"${'x'.repeat(10 * 1024 * 1024)}"}`
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('standard input holds more than 10 MiB')
  })
})
