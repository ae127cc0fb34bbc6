// The bundle against a fake Refold that blinks: scripted errors, slow and dropped answers, a
// closed port, and a forward proxy in between.
import { beforeEach, describe, expect, it } from '@jest/globals'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { startConnectProxy } from '../test/connect-proxy.js'
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import { nodeBinaries } from '../test/node-binaries.js'
import { fireSampleEvent, type RunOptions } from '../test/run-action.js'

describe.each(nodeBinaries())('dist/index.js under %s, with faults', (_label, node) => {
  const refold = fakeRefoldPerTest()
  beforeEach(async () => {
    await refold.start()
  })

  const fire = (inputs: Record<string, string>, options: Omit<RunOptions, 'inputs'> = {}) =>
    fireSampleEvent(
      refold.current.url,
      { payload: '{"version":"2.4.0"}', ...inputs },
      { node, ...options }
    )

  it('503, 503, 200: succeeds in 3 attempts, all with the same Idempotency-Key', async () => {
    refold.current.script(
      'trigger',
      { status: 503, body: 'Service Unavailable' },
      { status: 503, body: '' }
    )
    const result = await fire({})
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ ok: 'true', attempts: '3', status_code: '200' })
    const keys = refold.current.triggers().map(request => request.headers['idempotency-key'])
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(1)
    expect(result.stdout).toContain('::warning::Attempt 1 of 4 failed:')
    expect(result.stdout).toContain('::warning::Attempt 2 of 4 failed:')
    expect(Number(result.outputs.duration_ms)).toBeGreaterThanOrEqual(500 + 1000)
  })

  it('429 with Retry-After: 2: the second attempt comes no sooner than 2 s later', async () => {
    refold.current.script('trigger', {
      status: 429,
      headers: { 'retry-after': '2' },
      body: { status_code: 429, http_error_type: 'TOO_MANY_REQUESTS', message: 'Rate Limit Hit' }
    })
    const result = await fire({})
    expect(result.exitCode).toBe(0)
    const [first, second] = refold.current.triggers()
    expect(second.at - first.at).toBeGreaterThanOrEqual(2000)
    expect(result.outputs.attempts).toBe('2')
  })

  it('a Retry-After beyond 60 s gives up at once and says how long Refold asked', async () => {
    refold.current.script('trigger', { status: 503, headers: { 'retry-after': '600' }, body: '' })
    const result = await fire({})
    expect(result.exitCode).toBe(1)
    expect(refold.current.triggers()).toHaveLength(1)
    expect(result.stdout).toContain('Refold asked to wait 600 s before retrying')
  })

  it('a hung answer with timeout: 1 is abandoned, and the retry succeeds', async () => {
    refold.current.script('trigger', { hang: true })
    const result = await fire({ timeout: '1' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.attempts).toBe('2')
    expect(result.stdout).toContain('no answer within 1 s')
    // The abandoned socket does not keep the process alive.
    expect(result.durationMs).toBeLessThan(5000)
  })

  it('a dropped connection then success', async () => {
    refold.current.script('trigger', { drop: true })
    const result = await fire({})
    expect(result.exitCode).toBe(0)
    expect(result.outputs.attempts).toBe('2')
    expect(result.stdout).toMatch(
      /Attempt 1 of 4 failed: Could not trigger event .* connection reset|socket hang up/
    )
  })

  it('connection refused: a clear failure naming the host, the cause and the attempts', async () => {
    const closed = createServer()
    closed.listen(0, '127.0.0.1')
    await once(closed, 'listening')
    const port = (closed.address() as { port: number }).port
    closed.close()
    await once(closed, 'close')
    const result = await fire({ base_url: `http://127.0.0.1:${port}`, retries: '1' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      `::error::Gave up after 2 attempts. Last error: Could not trigger event "Release Published" at 127.0.0.1:${port}: connection refused (ECONNREFUSED)`
    )
    expect(result.outputs).toMatchObject({ ok: 'false', status_code: '', attempts: '2' })
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/)
  })

  it('goes through HTTP_PROXY to a host only the proxy can reach', async () => {
    const port = new URL(refold.current.url).port
    const proxy = await startConnectProxy({ [`refold.test:${port}`]: `127.0.0.1:${port}` })
    try {
      const result = await fire(
        { base_url: `http://refold.test:${port}` },
        { env: { HTTP_PROXY: proxy.url } }
      )
      expect(result.exitCode).toBe(0)
      expect(proxy.tunnels).toEqual([`refold.test:${port}`])
      expect(refold.current.triggers()).toHaveLength(1)
      expect(refold.current.triggers()[0].headers.host).toBe(`refold.test:${port}`)
    } finally {
      await proxy.close()
    }
  })

  it('with HTTPS_PROXY set, loads undici on demand for @actions/github and still works', async () => {
    const proxy = await startConnectProxy({})
    try {
      // @actions/github builds an undici ProxyAgent as it loads when HTTPS_PROXY is set: that goes
      // through shims/undici to dist/undici.cjs. A broken shim would cost the event sections.
      const result = await fire({ payload: '' }, { env: { HTTPS_PROXY: proxy.url } })
      expect(result.exitCode).toBe(0)
      expect(result.stdout).not.toContain('Could not load the GitHub context')
      const { payload } = refold.current.triggers()[0].json as {
        payload: { github: { release?: unknown } }
      }
      expect(payload.github.release).toMatchObject({ tag_name: 'v2.4.0' })
      // The Refold call itself is on loopback, which always bypasses the proxy.
      expect(proxy.tunnels).toEqual([])
    } finally {
      await proxy.close()
    }
  })
})
