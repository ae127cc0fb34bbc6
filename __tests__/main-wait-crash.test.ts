// A bug inside the wait must not cost the outputs: the event was fired, so they still say so.
// The client and the wait are replaced, so this file sends nothing (and needs no nock).
import { expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'

jest.unstable_mockModule('../src/core/client.js', () => ({
  RefoldClient: class {
    async trigger() {
      return {
        value: {
          status: 200,
          body: '{"message":"Webhook Fired Success"}',
          headers: {},
          message: 'Webhook Fired Success'
        },
        attempts: [{ outcome: 'HTTP 200' }]
      }
    }
  }
}))
// The wait is replaced by one with a bug; its verdict for a broken wait stays what wait.ts says.
jest.unstable_mockModule('../src/core/wait.js', () => ({
  waitForExecutions: async () => {
    throw new TypeError("Cannot read properties of null (reading 'createdAt')")
  },
  waitBroke: (settings: { event: string }, error: Error) => ({
    ok: false,
    status: 'NONE',
    executions: [],
    headline: `Event "${settings.event}": stopped waiting for its executions: unexpected error: ${error.message}`,
    durationMs: 0,
    details: [],
    polls: 0,
    requests: 0
  })
}))
const { run } = await import('../src/action/main.js')

const instantClock = { now: () => Date.now(), sleep: async () => {}, random: () => 0.5 }

it('an error inside the wait ends it with NONE, outputs set, and fail_on_error honoured', async () => {
  core.reset({
    api_key: 'pk_live_SECRET_0123456789',
    event: 'Release Published',
    linked_account_id: 'acme@example.com',
    wait: 'true',
    fail_on_error: 'false'
  })
  await run(core, {}, instantClock)
  expect(core.setFailed).not.toHaveBeenCalled()
  expect(core.warning).toHaveBeenCalledWith(
    expect.stringContaining(
      'stopped waiting for its executions: unexpected error: Cannot read properties of null'
    )
  )
  expect(core.outputs).toMatchObject({
    ok: 'false',
    status_code: '200',
    attempts: '1',
    execution_status: 'NONE',
    executions: '[]'
  })
})
