// The bundle with wait: true against a fake Refold whose executions change status over time.
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import { describe, expect, it } from '@jest/globals'
import type { FakeRefoldOptions } from '../test/fake-refold.js'
import { nodeBinaries } from '../test/node-binaries.js'
import { fireSampleEvent } from '../test/run-action.js'

describe.each(nodeBinaries())('dist/index.js under %s, with wait: true', (_label, node) => {
  const refold = fakeRefoldPerTest()

  async function fireAndWait(workflows: FakeRefoldOptions, inputs: Record<string, string> = {}) {
    const fake = await refold.start(workflows)
    return fireSampleEvent(
      fake.url,
      { wait: 'true', wait_interval: '1', wait_timeout: '10', ...inputs },
      { node }
    )
  }

  it('COMPLETED executions: exit 0, executions output and summary table', async () => {
    const result = await fireAndWait({
      workflows: {
        'Release Published': [
          {
            name: 'Post release notes to Slack',
            steps: [
              { status: 'RUNNING', afterMs: 0 },
              // Still running at the first poll, 1 s after the trigger.
              { status: 'COMPLETED', afterMs: 2500 }
            ]
          }
        ]
      }
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.ok).toBe('true')
    expect(result.outputs.execution_status).toBe('COMPLETED')
    const executions = JSON.parse(result.outputs.executions)
    expect(executions).toEqual([
      {
        id: expect.any(String),
        workflow: 'Post release notes to Slack',
        status: 'COMPLETED',
        created_at: expect.any(String)
      }
    ])
    expect(result.stdout).toContain('(Post release notes to Slack): RUNNING')
    expect(result.stdout).toContain('(Post release notes to Slack): COMPLETED')
    expect(result.summary).toContain('<h3>Workflow executions: COMPLETED</h3>')
  })

  it('an ERRORED execution: exit 1 with the workflow named', async () => {
    const result = await fireAndWait({
      workflows: {
        'Release Published': [
          { name: 'Post release notes to Slack', steps: [{ status: 'COMPLETED', afterMs: 0 }] },
          {
            name: 'Sync CRM',
            steps: [
              { status: 'RUNNING', afterMs: 0 },
              { status: 'ERRORED', afterMs: 600 }
            ]
          }
        ]
      }
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({
      ok: 'false',
      execution_status: 'FAILED',
      status_code: '200'
    })
    expect(result.stdout).toContain(
      '::error::Event "Release Published": 1 of 2 workflow executions failed: Sync CRM (ERRORED)'
    )
  })

  it('older executions of the same event are not counted', async () => {
    const old = new Date(Date.now() - 3_600_000).toISOString()
    const result = await fireAndWait({
      workflows: {
        'Release Published': [
          { name: 'Post release notes to Slack', steps: [{ status: 'COMPLETED', afterMs: 0 }] }
        ]
      },
      executions: [
        {
          _id: 'old-execution',
          name: 'Sync CRM',
          status: 'ERRORED',
          associated_event_id: '66a1f0c2e4b0a1b2c3d4e501',
          associated_workflow: { _id: 'wf-old', name: 'Sync CRM' },
          linked_account_id: 'acme@example.com',
          createdAt: old,
          updatedAt: old
        }
      ]
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.executions).not.toContain('old-execution')
  })

  it('no execution appears: NONE and exit 1 within wait_timeout plus one interval', async () => {
    const result = await fireAndWait({ workflows: {} }, { wait_timeout: '3', wait_interval: '1' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({
      ok: 'false',
      execution_status: 'NONE',
      executions: '[]'
    })
    expect(result.stdout).toContain('no workflow execution appeared within 3 s')
    expect(result.durationMs).toBeLessThan(3000 + 1000)
  })

  it('with fail_on_error: false a failed wait is a warning', async () => {
    const result = await fireAndWait(
      { workflows: {} },
      { wait_timeout: '1', wait_interval: '1', fail_on_error: 'false' }
    )
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(
      '::warning::Event "Release Published": no workflow execution appeared'
    )
    expect(result.outputs.execution_status).toBe('NONE')
  })
})
