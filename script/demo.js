// `npm run demo`: fires a sample release event at a fake Refold on 127.0.0.1, the way the GitHub
// runner runs the action, and shows what a workflow author would see. No account, no network.
import { startFakeRefold } from '../test/fake-refold.js'
import { runAction, sampleInputs } from '../test/run-action.js'

const fake = await startFakeRefold()
try {
  const inputs = {
    ...sampleInputs(fake.url),
    wait: 'true',
    wait_interval: '1'
  }
  console.log(`Fake Refold listening on ${fake.url}`)
  console.log('Running dist/index.js as the runner would, with:')
  for (const [name, value] of Object.entries(inputs)) {
    console.log(`  ${name}: ${name === 'api_key' ? '***' : value}`)
  }
  const result = await runAction({ inputs })

  section('Step log')
  process.stdout.write(result.stdout + result.stderr)
  section(`Exit code: ${result.exitCode}`)
  section('Outputs')
  for (const [name, value] of Object.entries(result.outputs)) {
    console.log(
      `${name}: ${value.length > 300 ? `${value.slice(0, 300)}… (${value.length} chars)` : value}`
    )
  }
  section('Job summary (GITHUB_STEP_SUMMARY, HTML rendered by GitHub)')
  console.log(result.summary)
  section('What the fake Refold received')
  for (const request of fake.requests) {
    console.log(
      `${request.method} ${request.path}${request.method === 'POST' ? ` ${request.body.length} bytes` : ''}`
    )
  }
  process.exitCode = result.exitCode ?? 1
} finally {
  await fake.close()
}

/** @param {string} title */
function section(title) {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`)
}
