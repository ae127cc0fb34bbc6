// The bundle against a fake Refold whose answers are hostile: text that tries to run workflow
// commands in the log or Markdown in the job summary, and pages of the wrong shape.
import { describe, expect, it } from '@jest/globals'
import { fakeRefoldPerTest } from '../test/e2e-setup.js'
import {
  DEFAULT_EVENTS,
  type FakeRefoldOptions,
  type ScriptedResponse
} from '../test/fake-refold.js'
import { nodeBinaries } from '../test/node-binaries.js'
import { fireSampleEvent, type RunResult } from '../test/run-action.js'

const EVENT_ID = DEFAULT_EVENTS.find(event => event.name === 'Release Published')!._id

/** Commands a server might try to smuggle into the log, each on a line of its own. */
const COMMANDS =
  '\n::error::INJECTED-ERROR\r\n  ::add-mask::INJECTED-MASK\r::warning::INJECTED-WARNING' +
  '\n##[error]INJECTED-OLD-FORM'

/** Markdown and HTML a server might try to render in the job summary. */
const MARKUP =
  '\n\n## INJECTED HEADING\n\n[INJECTED LINK](https://evil.example/phish)\n' +
  '![INJECTED IMAGE](https://evil.example/pixel.png)\n<img src="https://evil.example/x.png">\n' +
  '| INJECTED | TABLE |\n|---|---|\n'

/** An executions page with one finished execution of the event whose texts are `text`. */
function hostilePage(text: string): ScriptedResponse {
  return {
    body: {
      docs: [
        {
          _id: `exec-1${text}`,
          name: `run${text}`,
          status: 'COMPLETED',
          associated_event_id: EVENT_ID,
          associated_workflow: { _id: 'wf-1', name: `Post release notes${text}` },
          // Later than the trigger answer's Date header, whatever the second it falls in.
          createdAt: new Date(Date.now() + 5000).toISOString()
        }
      ],
      hasNextPage: false,
      nextPage: null
    }
  }
}

/** The commands the runner would obey in stdout: `::name::` at a line's start, `##[` anywhere. */
function injectedCommands(result: RunResult): string[] {
  return result.stdout
    .split(/\r\n|\r|\n/)
    .map(line => line.trimStart())
    .filter(line => /^::[a-z-]+[^:]*::INJECTED/i.test(line) || /##\[[a-z-]+\]INJECTED/i.test(line))
}

/** Markdown that would render live: a heading line, a link or image, a raw HTML tag from a server. */
function liveMarkup(summary: string): string[] {
  return [
    ...(summary.match(/^ {0,3}#{1,6} .*INJECTED.*$/gm) ?? []),
    ...(summary.match(/!?\[INJECTED[^\]]*\]\([^)]*\)/g) ?? []),
    ...(summary.match(/<img[^>]*evil/g) ?? []),
    ...(summary.match(/^\|.*INJECTED.*\|$/gm) ?? [])
  ]
}

describe.each(nodeBinaries())('dist/index.js under %s, with hostile answers', (_label, node) => {
  const refold = fakeRefoldPerTest()

  /** A fake whose own workflows start nothing, so only the scripted executions are listed. */
  const quiet: FakeRefoldOptions = { workflows: {} }

  const waitInputs = { wait: 'true', wait_interval: '1', wait_timeout: '20' }

  it('server text never starts a log line with a workflow command', async () => {
    const fake = await refold.start(quiet)
    fake.script('trigger', { body: { message: `Webhook Fired Success${COMMANDS}` } })
    fake.script('executions', ...Array.from({ length: 4 }, () => hostilePage(COMMANDS)))
    const result = await fireSampleEvent(fake.url, waitInputs, { node })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      ok: 'true',
      status_code: '200',
      execution_status: 'COMPLETED',
      message: `Webhook Fired Success${COMMANDS}`
    })
    expect(JSON.parse(result.outputs.executions)[0].workflow).toBe(`Post release notes${COMMANDS}`)
    expect(injectedCommands(result)).toEqual([])
    // The texts are still shown, on one line each.
    expect(result.stdout).toContain('Webhook Fired Success\\n::error::INJECTED-ERROR\\r\\n')
    expect(result.stdout).toContain('(Post release notes\\n::error::INJECTED-ERROR')
  })

  it('server text in the job summary is inert Markdown and HTML, cut at 4 KiB', async () => {
    const fake = await refold.start(quiet)
    // The trigger's message is already cut at 1 KiB where it is read; an execution's workflow name
    // is not, so it is the piece that reaches the summary's own 4 KiB cut.
    const long = 'x'.repeat(6 * 1024)
    fake.script('trigger', { body: { message: `Webhook Fired Success${MARKUP}` } })
    fake.script('executions', ...Array.from({ length: 4 }, () => hostilePage(`${MARKUP}${long}`)))
    const result = await fireSampleEvent(fake.url, waitInputs, { node })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ ok: 'true', execution_status: 'COMPLETED' })
    expect(liveMarkup(result.summary)).toEqual([])
    expect(result.summary).not.toMatch(/\n\s*\n(?!<pre)/)
    expect(result.summary).toContain('<td>Webhook Fired Success<br><br>&#35;&#35; INJECTED HEADING')
    expect(result.summary).toContain('(cut at 4 KiB of 7 KiB)')
    expect(result.summary).toContain('<td>Post release notes<br><br>&#35;&#35; INJECTED HEADING')
  })

  describe('a malformed answer is a failure of that call, never a crash', () => {
    // A page whose docs are not a list is no page; a null doc in a list is unrelated data, ignored.
    it('{"docs":{}} from the executions list: a failed wait, outputs set, fail_on_error honoured', async () => {
      const fake = await refold.start(quiet)
      fake.script('executions', { body: { docs: {} } }, { body: { docs: {} } })
      const result = await fireSampleEvent(
        fake.url,
        { ...waitInputs, retries: '1', fail_on_error: 'false' },
        { node }
      )
      expect(result.exitCode).toBe(0)
      expect(result.stdout).not.toContain('failed unexpectedly')
      expect(result.stdout).toMatch(
        /::warning::Event "Release Published": stopped waiting for its executions: could not poll the executions: Gave up after 2 attempts.*expected an object with a docs array/
      )
      expect(result.outputs).toMatchObject({
        ok: 'false',
        status_code: '200',
        attempts: '1',
        execution_status: 'NONE',
        executions: '[]'
      })
      expect(result.outputs.message).toContain('could not poll the executions')
    })

    it('a refused trigger with wait on still sets execution_status NONE', async () => {
      const fake = await refold.start(quiet)
      fake.script('trigger', { status: 422, body: { message: 'Payload rejected' } })
      const result = await fireSampleEvent(fake.url, waitInputs, { node })
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({
        ok: 'false',
        status_code: '422',
        message: 'Payload rejected',
        execution_status: 'NONE',
        executions: '[]'
      })
    })
  })
})
