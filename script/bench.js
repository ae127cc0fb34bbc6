// `npm run bench`: cold start of dist/index.js firing one event at a loopback Refold, against a bare
// node:http script sending the same POST, both under Node 24 (what the runner uses). A benchmark,
// not a test: it prints numbers and checks only that each run sent exactly one request.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { startFakeRefold } from '../test/fake-refold.js'
import { node24Binary } from '../test/node-binaries.js'
import { prepareRunner, ROOT, sampleInputs } from '../test/run-action.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const node = node24Binary()
const fake = await startFakeRefold()
const dir = await mkdtemp(path.join(tmpdir(), 'refold-bench-'))
/** @type {string[]} */
const runnerDirs = []

/** The same POST the action sends, with nothing but node:http. */
const BARE = `import { request } from 'node:http'
const { url, headers, body } = JSON.parse(process.env.BARE_REQUEST)
const req = request(url, { method: 'POST', headers }, res => {
  let text = ''
  res.on('data', chunk => (text += chunk))
  res.on('end', () => console.log(res.statusCode, text))
})
req.end(body)
`

try {
  const barePath = path.join(dir, 'bare.mjs')
  await writeFile(barePath, BARE)
  const scenarios = {
    'default inputs (payload from the GitHub context)': {},
    'inline JSON payload': { payload: '{"version":"1.0.0"}', github_context: 'never' }
  }
  console.log(
    `Node ${await version(node)}, ${RUNS} runs each, p50 of wall time from spawn to exit\n`
  )
  for (const [name, extra] of Object.entries(scenarios)) {
    const runner = await prepareRunner({
      inputs: { ...sampleInputs(fake.url), summary: 'false', ...extra }
    })
    runnerDirs.push(runner.dir)
    const { env } = runner
    // One warm-up run of each, which also gives the exact request for the bare script to repeat.
    const before = fake.triggers().length
    await time(node, [path.join(ROOT, 'dist/index.js')], env)
    const sent = fake.triggers().at(-1)
    if (!sent || fake.triggers().length !== before + 1)
      throw new Error('the action did not send exactly one request')
    const bareEnv = {
      PATH: env.PATH,
      BARE_REQUEST: JSON.stringify({
        url: `${fake.url}${sent.path}`,
        headers: sent.headers,
        body: sent.body
      })
    }
    await time(node, [barePath], bareEnv)

    const action = []
    const bare = []
    for (let i = 0; i < RUNS; i++) {
      const count = fake.triggers().length
      action.push(await time(node, [path.join(ROOT, 'dist/index.js')], env))
      if (fake.triggers().length !== count + 1)
        throw new Error('the action did not send exactly one request')
      bare.push(await time(node, [barePath], bareEnv))
    }
    const ratio = median(action) / median(bare)
    console.log(name)
    console.log(
      `  dist/index.js  p50 ${median(action).toFixed(1)} ms  (min ${Math.min(...action).toFixed(1)})`
    )
    console.log(
      `  bare node:http p50 ${median(bare).toFixed(1)} ms  (min ${Math.min(...bare).toFixed(1)})`
    )
    console.log(`  cold-start ratio ${ratio.toFixed(2)}×  (target ≤ 1.30×)\n`)
  }
} finally {
  await fake.close()
  for (const folder of [dir, ...runnerDirs]) await rm(folder, { recursive: true, force: true })
}

/** Wall time of one child process, spawn to exit, in ms. */
function time(
  /** @type {string} */ binary,
  /** @type {string[]} */ args,
  /** @type {NodeJS.ProcessEnv} */ env
) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    execFile(binary, args, { env }, (error, stdout) => {
      if (error) reject(new Error(`${args.join(' ')} failed:\n${stdout}`))
      else resolve(Number(process.hrtime.bigint() - started) / 1e6)
    })
  })
}

function median(/** @type {number[]} */ values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function version(/** @type {string} */ binary) {
  return new Promise(resolve => execFile(binary, ['--version'], (_e, out) => resolve(out.trim())))
}
