// `npm run demo`: fires a sample release event at a fake Refold on 127.0.0.1, the way the GitHub
// runner runs the action, and shows what a workflow author would see. No account, no network.
// First a fan-out whose payload breaks the event's schema in Refold: the check before firing stops
// it, and no customer gets it. Then the fixed payload goes out, and the step waits for the
// workflows it started.
import { EVENTS_WITH_SCHEMA, startFakeRefold } from '../test/fake-refold.js'
import { runAction, sampleInputs } from '../test/run-action.js'

const ACCOUNTS = ['acme@example.com', 'globex@example.com', 'initech@example.com']

const fake = await startFakeRefold({ events: EVENTS_WITH_SCHEMA })
try {
  console.log(`Fake Refold listening on ${fake.url}`)
  const base = {
    ...sampleInputs(fake.url),
    linked_account_id: ACCOUNTS.join('\n'),
    wait: 'true',
    wait_interval: '1',
    wait_settle: '2'
  }

  section('1. A payload that breaks the event’s schema: "version" is a number, "notes" missing')
  const broken = await show({ ...base, payload: '{"version": 240}' }, { summary: false })
  console.log(`\nExit code ${broken.exitCode}: nothing was fired.`)

  section('2. The fixed payload goes out, and the step waits for the workflows it started')
  const fixed = await show(
    { ...base, payload: '{"version": "2.4.0", "notes": "Faster sync, fixed retries"}' },
    { summary: true }
  )
  process.exitCode = fixed.exitCode ?? 1
} finally {
  await fake.close()
}

/**
 * Runs the action with these inputs and prints its log, outputs, summary and what the fake got.
 * @param {Record<string, string>} inputs
 * @param {{ summary: boolean }} options
 */
async function show(inputs, options) {
  console.log('Running dist/index.js as the runner would, with:')
  for (const [name, value] of Object.entries(inputs)) {
    const shown = name === 'api_key' ? '***' : value.replace(/\n/g, ', ')
    console.log(`  ${name}: ${shown}`)
  }
  const before = fake.requests.length
  const result = await runAction({ inputs })

  subsection('Step log')
  process.stdout.write(result.stdout + result.stderr)
  subsection(`Exit code: ${result.exitCode}`)
  subsection('Outputs')
  for (const [name, value] of Object.entries(result.outputs)) {
    console.log(
      `${name}: ${value.length > 300 ? `${value.slice(0, 300)}… (${value.length} chars)` : value}`
    )
  }
  if (options.summary) {
    subsection('Job summary (GITHUB_STEP_SUMMARY, HTML rendered by GitHub)')
    console.log(result.summary)
  }
  subsection('What the fake Refold received')
  for (const request of fake.requests.slice(before)) {
    const account = request.headers.linked_account_id
      ? ` for ${request.headers.linked_account_id}`
      : ''
    const size = request.method === 'POST' ? ` ${request.body.length} bytes` : ''
    console.log(`${request.method} ${request.path}${account}${size}`)
  }
  return result
}

/** @param {string} title */
function section(title) {
  console.log(`\n${'═'.repeat(76)}\n${title}\n${'═'.repeat(76)}`)
}

/** @param {string} title */
function subsection(title) {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`)
}
