// The bundle against servers and proxies that misbehave on purpose, below the HTTP layer: every
// attempt still ends within `timeout`, the process exits right after the last one, a broken or
// endless body is named as such, proxies are named when they fail, and the api key a server echoes
// back reaches no log line, output or summary.
import { afterEach, describe, expect, it } from '@jest/globals'
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import { DEFAULT_API_KEY } from '../test/fake-refold.js'
import { answers, closedPort, startHostileProxy, startRawServer } from '../test/hostile-servers.js'
import { nodeBinaries } from '../test/node-binaries.js'
import {
  fireSampleEvent,
  renderedSummary,
  type RunOptions,
  type RunResult
} from '../test/run-action.js'

const KEY = DEFAULT_API_KEY

/** Everything a later step or a person could read, but the runner's own ::add-mask:: line. */
function everything(result: RunResult): string {
  const stdout = result.stdout
    .split('\n')
    .filter(line => line !== `::add-mask::${KEY}`)
    .join('\n')
  return [stdout, result.stderr, result.outputFile, result.summary].join('\n')
}

function errorLine(result: RunResult): string {
  return result.stdout.split('\n').find(line => line.startsWith('::error::')) ?? ''
}

describe.each(nodeBinaries())('dist/index.js under %s, with hostile transport', (_label, node) => {
  const refold = fakeRefoldPerTest()
  // Proxies and raw servers, which are no fake Refold, closed after each test all the same.
  const servers: { close(): Promise<void> }[] = []
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close()
  })
  const keep = <T extends { close(): Promise<void> }>(server: T): T => (
    servers.push(server),
    server
  )

  const fire = (
    baseUrl: string,
    inputs: Record<string, string> = {},
    options: Omit<RunOptions, 'inputs'> = {}
  ) =>
    fireSampleEvent(
      baseUrl,
      { payload: '{"version":"2.4.0"}', retries: '0', ...inputs },
      // Old behaviour hangs for minutes: fail the run well before jest's own timeout.
      { node, timeoutMs: 20_000, ...options }
    )

  describe('a hung proxy (class 1)', () => {
    it('a proxy that never answers the CONNECT: the attempt ends at timeout, the process right after', async () => {
      const proxy = keep(await startHostileProxy('hang'))
      const result = await fire(
        'http://refold.test:8080',
        { timeout: '2' },
        {
          env: { HTTP_PROXY: proxy.url }
        }
      )
      expect(result.exitCode).toBe(1)
      expect(result.durationMs).toBeLessThan(2000 + 2000)
      expect(result.stdout).toContain(
        `Could not trigger event "Release Published" at refold.test:8080: proxy ${proxy.host} did not open a tunnel within 2 s (timeout)`
      )
      expect(result.outputs).toMatchObject({ ok: 'false', status_code: '', attempts: '1' })
    })

    it('a tunnel whose far end never answers: each attempt ends at timeout, the process right after the last', async () => {
      const proxy = keep(await startHostileProxy('black-hole'))
      const result = await fire(
        'https://refold.test',
        { timeout: '2', retries: '1' },
        { env: { HTTPS_PROXY: proxy.url } }
      )
      expect(result.exitCode).toBe(1)
      // two attempts, at most 1 s of backoff between them
      expect(result.durationMs).toBeLessThan(2 * 2000 + 1000 + 2000)
      expect(result.outputs.attempts).toBe('2')
      expect(result.stdout).toContain('at refold.test: no answer within 2 s (timeout)')
    })
  })

  describe('the api key echoed by a server (class 2)', () => {
    it('a 401 quoting the key: *** in the message and response outputs, the log and the summary', async () => {
      const fake = await refold.start()
      fake.script('trigger', {
        status: 401,
        headers: { 'x-request-id': `req-${KEY}` },
        body: {
          status_code: 401,
          http_error_type: 'UNAUTHORIZED',
          error_code: 'SERVER_ERROR',
          message: `Invalid Credentials: ${KEY}`
        }
      })
      const result = await fire(fake.url)
      expect(result.exitCode).toBe(1)
      expect(result.outputs.message).toBe('Invalid Credentials: ***')
      expect(JSON.parse(result.outputs.response)).toMatchObject({
        message: 'Invalid Credentials: ***'
      })
      expect(result.stdout).toContain('Invalid Credentials: ***')
      // The summary writes server text with character references (`*` as &#42;): read it rendered.
      expect(renderedSummary(result.summary)).toContain('Invalid Credentials: ***')
      expect(everything(result)).not.toContain(KEY)
    })

    it('a 200 quoting the key in its message: *** in the message output and the log', async () => {
      const fake = await refold.start()
      fake.script('trigger', { status: 200, body: { message: `Fired for ${KEY}` } })
      const result = await fire(fake.url)
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({ ok: 'true', message: 'Fired for ***' })
      expect(everything(result)).not.toContain(KEY)
    })
  })

  describe('answers that stop halfway (class 7)', () => {
    it.each([
      ['fewer bytes than content-length, then close', answers.shortBody],
      ['broken chunked encoding', answers.badChunks]
    ])('%s: a network error at once, not a timeout', async (_name, respond) => {
      const server = keep(await startRawServer(respond))
      const result = await fire(server.url, { timeout: '10' })
      expect(result.exitCode).toBe(1)
      expect(result.durationMs).toBeLessThan(5000)
      const error = errorLine(result)
      expect(error).toContain(
        `Last error: Could not trigger event "Release Published" at ${server.host}: the answer broke off`
      )
      expect(error).not.toMatch(/timeout/)
      expect(result.outputs).toMatchObject({ ok: 'false', status_code: '', attempts: '1' })
    })
  })

  describe('unbounded answers (class 8)', () => {
    it.each([
      ['a 50 MB body', answers.huge(50 * 1024 * 1024)],
      ['an endless body', answers.endless]
    ])(
      '%s: 1 MiB is read, the status kept, the response output capped at 64 KiB',
      async (_name, respond) => {
        const server = keep(await startRawServer(respond))
        const result = await fire(server.url, { timeout: '10' })
        // A 2xx body that is not JSON (here: cut at 1 MiB) is no acceptance, and is not retried.
        expect(result.exitCode).toBe(1)
        expect(result.durationMs).toBeLessThan(6000)
        expect(result.outputs).toMatchObject({ ok: 'false', status_code: '200', attempts: '1' })
        expect(Buffer.byteLength(result.outputs.response)).toBeLessThanOrEqual(64 * 1024 + 200)
        expect(result.outputs.response).toContain('cut at 64 KiB')
        expect(result.outputFile.length).toBeLessThan(200 * 1024)
      }
    )

    it('a 100 KB message: cut in the message output and the error line', async () => {
      const fake = await refold.start()
      fake.script('trigger', {
        status: 400,
        body: { status_code: 400, error_type: 'BAD_REQUEST', message: `no ${'m'.repeat(100_000)}` }
      })
      const result = await fire(fake.url)
      expect(result.exitCode).toBe(1)
      expect(Buffer.byteLength(result.outputs.message)).toBeLessThanOrEqual(1024 + 16)
      expect(result.outputs.message).toMatch(/^no m+… \(cut\)$/)
      expect(errorLine(result)).toContain('HTTP 400 BAD_REQUEST')
      expect(errorLine(result).length).toBeLessThan(4096)
    })
  })

  describe('proxy failures name the proxy (class 10)', () => {
    const failures: [string, () => Promise<{ url: string; host: string }>, string][] = [
      [
        'a proxy answering 407',
        async () => keep(await startHostileProxy('407')),
        'answered 407 Proxy Authentication Required'
      ],
      [
        'a proxy that drops the CONNECT',
        async () => keep(await startHostileProxy('drop')),
        'closed the connection without answering the CONNECT (ECONNRESET)'
      ],
      [
        'a proxy that refuses the connection',
        async () => {
          const port = await closedPort()
          return { url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}` }
        },
        'refused the connection (ECONNREFUSED)'
      ]
    ]

    it.each(failures)('%s', async (_name, start, said) => {
      const proxy = await start()
      const result = await fire('https://api.refold.test', {}, { env: { HTTPS_PROXY: proxy.url } })
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toContain(
        `Last error: Could not trigger event "Release Published" at api.refold.test: proxy ${proxy.host} ${said}`
      )
      expect(result.outputs).toMatchObject({ ok: 'false', status_code: '', attempts: '1' })
    })
  })

  describe('an IPv6 literal base_url (class 11)', () => {
    it('http://[::1]:port reaches the server', async () => {
      const server = keep(await startRawServer(answers.ok, { host: '::1' }))
      const result = await fire(server.url)
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({ ok: 'true', status_code: '200', attempts: '1' })
      expect(server.requests[0]).toMatch(/^POST \/api\/v2\/public\/event HTTP\/1\.1\r\n/)
    })
  })
})
