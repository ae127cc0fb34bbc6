// The action's run(core, env, clock) with a stub core: no module is replaced.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import * as core from '../__fixtures__/core.js'
import { run as runAction } from '../src/action/main.js'

const KEY = 'pk_live_SECRET_0123456789'
const API = 'https://api.gocobalt.io'
const base = {
  api_key: KEY,
  event: 'Release Published',
  linked_account_id: 'acme@example.com',
  payload: '{"version":"1.2.3"}',
  idempotency_key: 'run-1'
}
/** Sleeps nothing, so retries cost no time; the clock is otherwise real. */
const instantClock = { now: () => Date.now(), sleep: async () => {}, random: () => 0.5 }
const run = (): Promise<void> => runAction(core, {}, instantClock)

beforeAll(() => nock.disableNetConnect())
afterEach(() => {
  nock.cleanAll()
})
// nock patches node:http for the whole worker; give it back for the test files that follow.
afterAll(() => nock.restore())

function noSecretAnywhere(): void {
  const everything = JSON.stringify([core.logged(), core.outputs, core.summaries])
  expect(everything).not.toContain(KEY)
}

describe('run', () => {
  it('fires the event with one request, sets every output and writes the summary', async () => {
    core.reset(base)
    const scope = nock(API)
      .post('/api/v2/public/event', { event: 'Release Published', payload: { version: '1.2.3' } })
      .reply(200, { message: 'Webhook Fired Success' })
    await run()
    expect(scope.isDone()).toBe(true)
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.outputs).toMatchObject({
      ok: 'true',
      status_code: '200',
      message: 'Webhook Fired Success',
      error_code: '',
      http_error_type: '',
      response: '{"message":"Webhook Fired Success"}',
      attempts: '1',
      payload: '{"version":"1.2.3"}',
      idempotency_key: 'run-1'
    })
    expect(Number(core.outputs.duration_ms)).toBeGreaterThanOrEqual(0)
    expect(core.outputs).not.toHaveProperty('executions')
    expect(core.summaries.join('')).toContain('Refold accepted event "Release Published"')
    noSecretAnywhere()
  })

  it('masks the api key before anything is logged', async () => {
    core.reset(base)
    nock(API).post('/api/v2/public/event').reply(200, { message: 'Webhook Fired Success' })
    await run()
    expect(core.setSecret).toHaveBeenCalledWith(KEY)
    const firstLog = Math.min(...[core.debug, core.info].flatMap(m => m.mock.invocationCallOrder))
    expect(core.setSecret.mock.invocationCallOrder[0]).toBeLessThan(firstLog)
  })

  it('fails on 404 INVALID_EVENT naming event, status, code and the closest event names', async () => {
    core.reset({ ...base, event: 'release published' })
    const scope = nock(API)
      .post('/api/v2/public/event')
      .reply(404, {
        status_code: 404,
        http_error_type: 'NOT_FOUND',
        error_code: 'INVALID_EVENT',
        message: 'Trigger not found'
      })
      .get('/api/v2/public/application/event')
      .reply(200, [
        { _id: 'e1', name: 'Release Published' },
        { _id: 'e2', name: 'Deployment Finished' }
      ])
    await run()
    expect(scope.isDone()).toBe(true)
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    const message = core.setFailed.mock.calls[0][0]
    expect(message).toContain('"release published"')
    expect(message).toContain('HTTP 404 NOT_FOUND INVALID_EVENT')
    expect(message).toContain('Trigger not found')
    expect(message).toContain('Closest event names: "Release Published"')
    expect(message).not.toContain('Deployment Finished')
    expect(message).not.toMatch(/\n\s+at /)
    expect(core.outputs).toMatchObject({
      ok: 'false',
      status_code: '404',
      message: 'Trigger not found',
      error_code: 'INVALID_EVENT',
      http_error_type: 'NOT_FOUND',
      attempts: '1'
    })
  })

  it('still fails clearly on 404 when the events list cannot be read', async () => {
    core.reset(base)
    nock(API)
      .post('/api/v2/public/event')
      .reply(404, { status_code: 404, error_code: 'INVALID_EVENT', message: 'Trigger not found' })
      .get('/api/v2/public/application/event')
      .reply(403, { message: 'Forbidden' })
    await run()
    const message = core.setFailed.mock.calls[0][0]
    expect(message).toContain('event names must match exactly')
    expect(message).not.toContain('Closest')
  })

  it('fails on 401 with the key-kind hint and without the key', async () => {
    core.reset(base)
    nock(API).post('/api/v2/public/event').reply(401, {
      status_code: 401,
      http_error_type: 'UNAUTHORIZED',
      error_code: 'SERVER_ERROR',
      message: 'Invalid Credentials'
    })
    await run()
    const message = core.setFailed.mock.calls[0][0]
    expect(message).toContain('HTTP 401 UNAUTHORIZED SERVER_ERROR — Invalid Credentials')
    expect(message).toContain('a production key (pk…)')
    expect(core.outputs.attempts).toBe('1')
    noSecretAnywhere()
  })

  it('turns a refusal into a warning with fail_on_error: false, outputs still set', async () => {
    core.reset({ ...base, fail_on_error: 'false' })
    nock(API).post('/api/v2/public/event').reply(422, { message: 'Payload rejected' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('Payload rejected'))
    expect(core.outputs).toMatchObject({
      ok: 'false',
      status_code: '422',
      message: 'Payload rejected'
    })
  })

  it('fails an input error even with fail_on_error: false, and sends nothing', async () => {
    core.reset({ ...base, payload: '{"version": }', fail_on_error: 'false' })
    const requests: string[] = []
    nock.emitter.on('no match', (req: { path: string }) => requests.push(req.path))
    await run()
    nock.emitter.removeAllListeners('no match')
    expect(requests).toEqual([])
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringContaining("Invalid input 'payload': the value is not valid JSON at line 1")
    )
    expect(core.outputs).toEqual({})
  })

  it('retries a 503 and reports the attempts', async () => {
    core.reset(base)
    nock(API)
      .post('/api/v2/public/event')
      .reply(503, 'Service Unavailable')
      .post('/api/v2/public/event')
      .reply(200, { message: 'Webhook Fired Success' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.outputs.attempts).toBe('2')
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(/^Attempt 1 of 4 failed: .*503/)
    )
  })

  it('names the attempts and the last cause when retries run out', async () => {
    core.reset({ ...base, retries: '1' })
    nock(API)
      .post('/api/v2/public/event')
      .times(2)
      .reply(502, '<html><head><title>502 Bad Gateway</title></head></html>')
    await run()
    const message = core.setFailed.mock.calls[0][0]
    expect(message).toContain('Gave up after 2 attempts (api.gocobalt.io)')
    expect(message).toContain('HTTP 502')
    expect(message).toContain('an HTML page ("502 Bad Gateway")')
    expect(core.outputs).toMatchObject({ ok: 'false', status_code: '502', attempts: '2' })
  })

  it('dry run: sends nothing, prints the request with the key masked, sets the outputs', async () => {
    core.reset({ ...base, api_key: '', dry_run: 'true', config_id: 'cfg-9' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    const printed = core.info.mock.calls.map(c => c[0]).join('\n')
    expect(printed).toContain('POST https://api.gocobalt.io/api/v2/public/event')
    expect(printed).toContain('config_id: cfg-9')
    expect(core.outputs).toEqual({
      ok: 'true',
      status_code: '',
      message: 'Dry run: nothing was sent',
      error_code: '',
      http_error_type: '',
      response: '',
      attempts: '0',
      duration_ms: '0',
      payload: '{"version":"1.2.3"}',
      idempotency_key: 'run-1',
      // A dry run checks before firing (preflight auto), but without a key it cannot.
      preflight: 'skipped',
      truncated: 'false',
      results: JSON.stringify([
        {
          linked_account_id: 'acme@example.com',
          ok: true,
          status_code: null,
          message: 'Dry run: nothing was sent',
          error_code: null,
          attempts: 0,
          idempotency_key: 'run-1',
          execution_status: null
        }
      ]),
      accepted: '1',
      failed: '0'
    })
  })

  it('dry run with a key never prints it', async () => {
    core.reset({ ...base, dry_run: 'true' })
    // A dry run with a key checks the event before firing: the events list is its one request.
    const events = nock(API)
      .get('/api/v2/public/application/event')
      .reply(200, [{ _id: 'e1', name: 'Release Published' }])
    await run()
    expect(events.isDone()).toBe(true)
    expect(core.outputs.preflight).toBe('no_schema')
    expect(core.info.mock.calls.map(c => c[0]).join('\n')).toContain('x-api-key: ***')
    noSecretAnywhere()
  })

  it('wait: fails when a started execution errors, naming it in the error and the message', async () => {
    core.reset({ ...base, wait: 'true', wait_interval: '1', wait_settle: '0' })
    const date = new Date(Date.now() - 5000)
    const page = {
      docs: [
        {
          _id: 'x1',
          status: 'ERRORED',
          associated_event_id: 'e1',
          associated_workflow: { name: 'Sync CRM' },
          createdAt: new Date(date.getTime() + 1000).toISOString()
        }
      ],
      hasNextPage: false
    }
    const scope = nock(API)
      .post('/api/v2/public/event')
      .reply(200, { message: 'Webhook Fired Success' }, { Date: date.toUTCString() })
      .get('/api/v2/public/application/event')
      .reply(200, [{ _id: 'e1', name: 'Release Published' }])
      .get('/api/v2/public/execution')
      .query(true)
      .times(2)
      .reply(200, page)
    await run()
    expect(scope.isDone()).toBe(true)
    const headline =
      'Event "Release Published": 1 of 1 workflow execution failed: Sync CRM (ERRORED)'
    expect(core.setFailed).toHaveBeenCalledWith(headline)
    expect(core.outputs).toMatchObject({
      ok: 'false',
      status_code: '200',
      message: headline,
      execution_status: 'FAILED',
      executions: JSON.stringify([
        { id: 'x1', workflow: 'Sync CRM', status: 'ERRORED', created_at: page.docs[0].createdAt }
      ])
    })
  })

  /** Every line the runner reads on stdout from core.info, leading whitespace trimmed. */
  const infoLines = (): string[] =>
    core.info.mock.calls.flatMap(([line]) => line.split(/\r\n|\r|\n/)).map(l => l.trimStart())

  it("logs Refold's message on one line, so it cannot start a line with a workflow command", async () => {
    core.reset(base)
    nock(API)
      .post('/api/v2/public/event')
      .reply(200, { message: 'Fired\n::add-mask::x\r\n  ::error::injected ##[warning]old form' })
    await run()
    expect(infoLines().filter(line => line.startsWith('::'))).toEqual([])
    expect(core.info.mock.calls.flat().join('\n')).not.toContain('##[')
    expect(core.info).toHaveBeenCalledWith(
      expect.stringContaining(': Fired\\n::add-mask::x\\r\\n  ::error::injected')
    )
  })

  const acceptedAt = () => {
    const date = new Date(Date.now() - 5000)
    return nock(API)
      .post('/api/v2/public/event')
      .reply(200, { message: 'Webhook Fired Success' }, { Date: date.toUTCString() })
      .get('/api/v2/public/application/event')
      .reply(200, [{ _id: 'e1', name: 'Release Published' }])
  }

  it('wait: an answer that is not a page ends the wait, not the run: outputs set, fail_on_error honoured', async () => {
    core.reset({ ...base, wait: 'true', retries: '1', fail_on_error: 'false' })
    const scope = acceptedAt()
      .get('/api/v2/public/execution')
      .query(true)
      .times(2)
      .reply(200, { docs: {} })
    await run()
    expect(scope.isDone()).toBe(true)
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.warning).toHaveBeenLastCalledWith(
      expect.stringMatching(
        /could not poll the executions: Gave up after 2 attempts.*expected an object with a docs array.*fail_on_error is false/
      )
    )
    expect(core.outputs).toMatchObject({
      ok: 'false',
      status_code: '200',
      attempts: '1',
      execution_status: 'NONE',
      executions: '[]'
    })
    expect(core.summaries.join('')).toContain('Workflow executions: NONE')
  })

  it('wait: a refused trigger still sets execution_status NONE and an empty executions list', async () => {
    core.reset({ ...base, wait: 'true' })
    const scope = nock(API).post('/api/v2/public/event').reply(422, { message: 'Payload rejected' })
    await run()
    expect(scope.isDone()).toBe(true)
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringContaining('Payload rejected'))
    expect(core.outputs).toMatchObject({
      ok: 'false',
      status_code: '422',
      message: 'Payload rejected',
      execution_status: 'NONE',
      executions: '[]'
    })
  })

  it('writes no summary with summary: false', async () => {
    core.reset({ ...base, summary: 'false' })
    nock(API).post('/api/v2/public/event').reply(200, { message: 'Webhook Fired Success' })
    await run()
    expect(core.summaries).toEqual([])
  })
})

describe('run: what else the door decides', () => {
  it('reports a bug as an unexpected failure, the stack only in debug', async () => {
    core.reset(base)
    core.getInput.mockImplementationOnce(() => {
      throw new TypeError('the runner broke')
    })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(
      'refold-trigger failed unexpectedly: the runner broke'
    )
    expect(core.debug.mock.calls.some(([line]) => String(line).includes('TypeError'))).toBe(true)
  })

  it('builds the payload from the GitHub context when none is given', async () => {
    core.reset({ ...base, payload: '' })
    const scope = nock(API)
      .post(
        '/api/v2/public/event',
        body => typeof body.payload.github === 'object' && 'run_id' in body.payload.github
      )
      .reply(200, { message: 'Webhook Fired Success' })
    await run()
    expect(scope.isDone()).toBe(true)
    expect(JSON.parse(core.outputs.payload)).toHaveProperty('github.run_id')
  })

  it('warns that outputs were cut when the payload is past its 128 KiB bound', async () => {
    core.reset({ ...base, payload: JSON.stringify({ notes: 'n'.repeat(130 * 1024) }) })
    nock(API).post('/api/v2/public/event').reply(200, { message: 'Webhook Fired Success' })
    await run()
    expect(core.outputs).toMatchObject({ ok: 'true', truncated: 'true', payload: '' })
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(
        /^The results and executions outputs were cut to fit GitHub's output limits/
      )
    )
  })

  it('fails a cancelled run even with fail_on_error: false, sending nothing new', async () => {
    core.reset({ ...base, fail_on_error: 'false' })
    const cancelled = new AbortController()
    cancelled.abort()
    await runAction(core, {}, instantClock, cancelled.signal)
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(/^Cancelled after 0 of 1 linked account: event "Release Published"/)
    )
    expect(JSON.parse(core.outputs.results)[0].message).toBe('not sent: cancelled')
  })

  it('warns, and still decides, when the summary cannot be written', async () => {
    core.reset(base)
    nock(API).post('/api/v2/public/event').reply(200, { message: 'Webhook Fired Success' })
    core.summary.write.mockImplementationOnce(async () => {
      throw new Error('disk full')
    })
    await run()
    expect(core.warning).toHaveBeenCalledWith('Could not write the job summary: disk full')
    expect(core.setFailed).not.toHaveBeenCalled()
  })
})
