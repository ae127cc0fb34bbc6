// `npm run local-action`: runs src/action/main.ts on this machine with @github/local-action, which stands
// in for the runner (inputs and GitHub variables from a dotenv file, @actions/core stubbed). With a
// .env (copied from .env.example, with a real key) it fires a real event; without one, or with
// --fake, it fires .env.example's event at a fake Refold on 127.0.0.1, so it runs on a fresh clone.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { stripVTControlCharacters } from 'node:util'
import { DEFAULT_API_KEY, startFakeRefold } from '../test/fake-refold.js'

const fake = process.argv.includes('--fake') || !existsSync('.env')
mkdirSync('reports', { recursive: true }) // where .env.example puts the job summary
// local-action appends to the summary file like the runner does for the steps of a job; each run
// here is one step of its own, so its summary starts from an empty file.
rmSync('reports/local-action-summary.md', { force: true })

if (fake) {
  const refold = await startFakeRefold()
  // local-action lets the dotenv file override the environment, so the fake's address and key go
  // in a copy of the file; the last value of a variable wins.
  const envFile = 'reports/local-action.env'
  writeFileSync(
    envFile,
    `${readFileSync('.env.example', 'utf8')}\n` +
      `# Added by script/local-action.js: the fake Refold.\n` +
      `INPUT_API_KEY=${DEFAULT_API_KEY}\nINPUT_BASE_URL=${refold.url}\n`
  )
  console.log(`No .env (or --fake): firing .env.example's event at a fake Refold on ${refold.url}.`)
  console.log('Copy .env.example to .env and set INPUT_API_KEY to fire a real event.')
  try {
    await localAction(envFile)
    console.log('\nThe fake Refold received:')
    for (const request of refold.requests) console.log(`  ${request.method} ${request.path}`)
  } finally {
    await refold.close()
    rmSync(envFile, { force: true })
  }
} else {
  await localAction('.env')
}

/**
 * Runs local-action, echoing its output. It exits 0 even when the action calls setFailed, so a
 * failed step is recognised by its `::error::` line and becomes this script's exit code.
 * @param {string} envFile
 */
async function localAction(envFile) {
  const child = spawn('npx', ['local-action', 'run', '.', 'src/action/main.ts', envFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) }
  })
  let output = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', chunk => {
    output += chunk
    process.stdout.write(chunk)
  })
  const [code] = await new Promise(resolve => child.once('close', (...args) => resolve(args)))
  const failed = /^::error::/m.test(stripVTControlCharacters(output))
  process.exitCode = code || (failed ? 1 : 0)
}
