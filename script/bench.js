// `npm run bench`: a benchmark, not a test. Under Node 24 (what the runner uses), against fake
// Refolds on 127.0.0.1, it prints:
// 1. cold start of dist/index.js and dist/cli.js firing one event, as a ratio to a bare node:http
//    script sending the same POST (each run must send exactly one request);
// 2. fan-out throughput against a fake that enforces Refold's rate (429 above it): wall time
//    against the ideal, 429s received, peak RSS; and the same accounts as a dry run;
// 3. gate latency of `wait`: from the last execution's finish on the fake's clock to the step's
//    exit, and the API calls the wait made, for a 5 s and a 60 s workflow at default settings;
//    and a gated fan-out: 200 accounts whose workflows take 30 s against a fake enforcing Refold's
//    20 requests/s (bursts of 5) for every call, its wall time against the ideal and its requests;
// 4. scale: 10,000 named accounts (from a file) and 50,000 via "*": wall time, peak RSS, and the
//    bytes of the outputs file and the summary;
// 5. the check before firing: a 1,000-account fan-out with a schema, and the time to check a
//    1 MiB payload against a 50-property schema (a dry run with the check, less one without).
// BENCH_RUNS (default 15) sets the cold-start runs; BENCH_ONLY=cold|fanout|gate|scale|check runs
// one part.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  DEFAULT_API_KEY,
  DEFAULT_EVENTS,
  makeLinkedAccounts,
  startFakeRefold
} from '../test/fake-refold.js'
import { node24Binary } from '../test/node-binaries.js'
import { parseOutputFile, prepareRunner, ROOT, sampleInputs } from '../test/run-action.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const ONLY = process.env.BENCH_ONLY
const node = node24Binary()
const ACTION = path.join(ROOT, 'dist/index.js')
const CLI = path.join(ROOT, 'dist/cli.js')
const dir = await mkdtemp(path.join(tmpdir(), 'refold-bench-'))
/** @type {string[]} */
const cleanup = [dir]

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
/** Preloaded into a measured run: writes the process's peak RSS (KiB) where BENCH_RSS_FILE says. */
const RSS = `import { writeFileSync } from 'node:fs'
process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)))
`

try {
  console.log(`Node ${await version(node)}\n`)
  if (!ONLY || ONLY === 'cold') await coldStart()
  if (!ONLY || ONLY === 'fanout') await fanOut()
  if (!ONLY || ONLY === 'gate') await gateLatency()
  if (!ONLY || ONLY === 'gate') await gatedFanOut()
  if (!ONLY || ONLY === 'scale') await scale()
  if (!ONLY || ONLY === 'check') await checkBeforeFiring()
} finally {
  for (const folder of cleanup) await rm(folder, { recursive: true, force: true })
}

async function coldStart() {
  const fake = await startFakeRefold()
  try {
    const barePath = path.join(dir, 'bare.mjs')
    await writeFile(barePath, BARE)
    console.log(`## Cold start: p50 of ${RUNS} interleaved runs, spawn to exit\n`)
    const payload = '{"version":"1.0.0"}'
    /** @type {Record<string, { bin: string, inputs: Record<string, string> }>} */
    const scenarios = {
      'action, default inputs (payload from the GitHub context)': { bin: ACTION, inputs: {} },
      'action, inline JSON payload': { bin: ACTION, inputs: { payload, github_context: 'never' } },
      'CLI, inline JSON payload': { bin: CLI, inputs: { payload } }
    }
    for (const [name, { bin, inputs }] of Object.entries(scenarios)) {
      const runner = await prepareRunner({
        inputs: { ...sampleInputs(fake.url), summary: 'false', ...inputs }
      })
      cleanup.push(runner.dir)
      const args =
        bin === CLI
          ? [
              CLI,
              '--base-url',
              fake.url,
              '--event',
              'Release Published',
              '--linked-account-id',
              'acme@example.com',
              '--payload',
              payload
            ]
          : [ACTION]
      const env =
        bin === CLI ? { PATH: runner.env.PATH, REFOLD_API_KEY: DEFAULT_API_KEY } : runner.env
      // A warm-up run of each, which also gives the exact request for the bare script to repeat.
      const sent = await oneRequest(fake, () => time(node, args, env))
      const bareEnv = {
        PATH: env.PATH,
        BARE_REQUEST: JSON.stringify({
          url: `${fake.url}${sent.path}`,
          headers: sent.headers,
          body: sent.body
        })
      }
      await time(node, [barePath], bareEnv)
      /** @type {number[]} */
      const measured = []
      /** @type {number[]} */
      const bare = []
      for (let i = 0; i < RUNS; i++) {
        await oneRequest(fake, async () => measured.push(await time(node, args, env)))
        bare.push(await time(node, [barePath], bareEnv))
      }
      console.log(name)
      console.log(`  ${path.relative(ROOT, bin).padEnd(14)} p50 ${median(measured).toFixed(1)} ms`)
      console.log(`  bare node:http p50 ${median(bare).toFixed(1)} ms`)
      console.log(`  cold-start ratio ${(median(measured) / median(bare)).toFixed(2)}×\n`)
    }
  } finally {
    await fake.close()
  }
}

async function fanOut() {
  console.log('## Fan-out against a fake that answers 429 above its rate\n')
  const rssPath = await rssScript()
  const cases = [
    { accounts: 200, rate: 20, burst: 5, concurrency: 5 },
    { accounts: 2000, rate: 200, burst: 20, concurrency: 20 }
  ]
  for (const { accounts, rate, burst, concurrency } of cases) {
    const ids = makeLinkedAccounts(accounts).map(account => account.account_id)
    const fake = await startFakeRefold({ rateLimit: { perSecond: rate, burst } })
    try {
      const run = await measureAction(fake.url, rssPath, {
        linked_account_id: ids.join('\n'),
        rate_limit: String(rate),
        concurrency: String(concurrency),
        payload: '{"version":"4.2.0"}'
      })
      const stats = fake.stats()
      const ideal = accounts / rate
      console.log(
        `${accounts} accounts at rate_limit ${rate} (fake: ${rate}/s, bursts of ${burst}), concurrency ${concurrency}`
      )
      console.log(
        `  wall ${(run.ms / 1000).toFixed(2)} s, ideal ${ideal.toFixed(1)} s: ${(run.ms / 1000 / ideal).toFixed(2)}× (goal ≤ 1.10×)`
      )
      console.log(
        `  exit ${run.exitCode}, accepted ${run.outputs.accepted}, failed ${run.outputs.failed}, ` +
          `429s received ${stats.rateLimited} (goal 0), peak RSS ${run.rssMb.toFixed(0)} MB\n`
      )
    } finally {
      await fake.close()
    }
  }
  const ids = makeLinkedAccounts(2000).map(account => account.account_id)
  const dry = await measureAction('http://127.0.0.1:9', rssPath, {
    linked_account_id: ids.join('\n'),
    dry_run: 'true',
    api_key: ''
  })
  console.log(
    `2000 accounts as a dry run: ${(dry.ms / 1000).toFixed(2)} s (goal < 2 s), exit ${dry.exitCode}, ` +
      `peak RSS ${dry.rssMb.toFixed(0)} MB\n`
  )
}

async function gateLatency() {
  console.log('## Gate latency of wait: last execution finish (fake clock) → step exit\n')
  for (const seconds of [5, 60]) {
    const fake = await startFakeRefold({
      workflows: {
        'Release Published': [
          {
            name: `A ${seconds} s workflow`,
            steps: [
              { status: 'RUNNING', afterMs: 0 },
              { status: 'COMPLETED', afterMs: seconds * 1000 }
            ]
          }
        ]
      }
    })
    try {
      const run = await measureAction(fake.url, undefined, { wait: 'true' })
      const finished = fake.model.lastFinishAt()
      const latency = finished === undefined ? NaN : (run.endedAt - finished) / 1000
      const calls = fake.stats().requests
      const polls = calls.executions ?? 0
      console.log(`${seconds} s workflow, wait_interval 10 (default)`)
      console.log(
        `  exit ${run.exitCode}, execution_status ${run.outputs.execution_status}, gate latency ` +
          `${latency.toFixed(1)} s, API calls: ${JSON.stringify(calls)} (${polls} polls)\n`
      )
    } finally {
      await fake.close()
    }
  }
}

async function gatedFanOut() {
  console.log(
    '## Gated fan-out: 200 accounts × 30 s workflows, fake at 20 requests/s, bursts of 5\n'
  )
  const rssPath = await rssScript()
  const accounts = 200
  const fake = await startFakeRefold({
    rateLimit: { perSecond: 20, burst: 5 },
    workflows: {
      'Release Published': [
        {
          name: 'A 30 s workflow',
          steps: [
            { status: 'RUNNING', afterMs: 0 },
            { status: 'COMPLETED', afterMs: 30_000 }
          ]
        }
      ]
    }
  })
  try {
    const ids = makeLinkedAccounts(accounts).map(account => account.account_id)
    const run = await measureAction(fake.url, rssPath, {
      linked_account_id: ids.join('\n'),
      rate_limit: '20',
      concurrency: '5',
      wait: 'true',
      wait_timeout: '300',
      payload: '{"version":"4.2.0"}'
    })
    const { requests, rateLimited } = fake.stats()
    const total = Object.values(requests).reduce((sum, n) => sum + n, 0)
    const beyond = (total - (requests.trigger ?? 0)) / accounts
    const ideal = accounts / 20 + Math.max(30, 10)
    console.log(
      `  exit ${run.exitCode}, execution_status ${run.outputs.execution_status}, wall ` +
        `${(run.ms / 1000).toFixed(1)} s, ideal ${ideal} s: ${(run.ms / 1000 / ideal).toFixed(2)}× (goal ≤ 1.3×)`
    )
    console.log(
      `  requests beyond the trigger: ${beyond.toFixed(2)} per account (goal ≤ 3), ` +
        `${JSON.stringify(requests)}, 429s ${rateLimited}, peak RSS ${run.rssMb.toFixed(0)} MB\n`
    )
  } finally {
    await fake.close()
  }
}

async function scale() {
  console.log("## Scale: outputs and summary within GitHub's limits, memory\n")
  const rssPath = await rssScript()
  const cases = [
    { label: '10,000 named accounts (linked_account_file)', accounts: 10_000, every: false },
    { label: '50,000 accounts via "*"', accounts: 50_000, every: true }
  ]
  for (const { label, accounts, every } of cases) {
    const linkedAccounts = makeLinkedAccounts(accounts)
    const fake = await startFakeRefold({ linkedAccounts })
    try {
      const runner = await prepareRunner({ inputs: {} })
      cleanup.push(runner.dir)
      const file = path.join(runner.dir, 'accounts.txt')
      await writeFile(file, linkedAccounts.map(account => account.account_id).join('\n'))
      const run = await measureAction(fake.url, rssPath, {
        ...(every
          ? { linked_account_id: '*' }
          : { linked_account_id: '', linked_account_file: file }),
        rate_limit: '1000',
        concurrency: '20',
        summary: 'true',
        payload: '{"version":"4.2.0"}'
      })
      console.log(label)
      console.log(
        `  exit ${run.exitCode}, accepted ${run.outputs.accepted}, wall ${(run.ms / 1000).toFixed(1)} s, ` +
          `peak RSS ${run.rssMb.toFixed(0)} MB (goal < ${every ? 256 : 160} MB)`
      )
      console.log(
        `  outputs ${kib(run.outputBytes)} (goal ≤ 900 KiB), truncated ${run.outputs.truncated}, ` +
          `summary ${kib(run.summaryBytes)} (goal ≤ 1024 KiB)\n`
      )
    } finally {
      await fake.close()
    }
  }
}

async function checkBeforeFiring() {
  console.log('## The check before firing\n')
  const properties = Object.fromEntries(
    Array.from({ length: 50 }, (_, k) => [`field${k}`, { type: 'string', maxLength: 100_000 }])
  )
  const schema = { type: 'object', properties, required: ['field0'] }
  const withSchema = DEFAULT_EVENTS.map(event =>
    event.name === 'Release Published' ? { ...event, json_schema: schema } : event
  )
  const ids = makeLinkedAccounts(1000).map(account => account.account_id)
  const fake = await startFakeRefold({ events: withSchema })
  try {
    const run = await measureAction(fake.url, undefined, {
      linked_account_id: ids.join('\n'),
      rate_limit: '1000',
      concurrency: '20',
      payload: '{"field0":"4.2.0"}'
    })
    const { requests } = fake.stats()
    console.log(
      `1,000 accounts with a schema: exit ${run.exitCode}, preflight ${run.outputs.preflight}, ` +
        `wall ${(run.ms / 1000).toFixed(2)} s, requests ${JSON.stringify(requests)}`
    )
    // 1 MiB of payload spread over the 50 properties.
    const big = Object.fromEntries(
      Object.keys(properties).map(name => [name, 'x'.repeat(Math.floor((1024 * 1024) / 50))])
    )
    const runner = await prepareRunner({ inputs: {} })
    cleanup.push(runner.dir)
    const payloadFile = path.join(runner.dir, 'big.json')
    await writeFile(payloadFile, JSON.stringify(big))
    /** @type {Record<string, number[]>} */
    const times = { true: [], false: [] }
    for (let i = 0; i < 5; i++) {
      for (const preflight of ['true', 'false']) {
        const dry = await measureAction(fake.url, undefined, {
          payload_file: payloadFile,
          dry_run: 'true',
          preflight
        })
        times[preflight].push(dry.ms)
      }
    }
    console.log(
      `1 MiB payload, 50-property schema: a dry run with the check p50 ${median(times.true)} ms, ` +
        `without ${median(times.false)} ms: the check costs about ${median(times.true) - median(times.false)} ms\n`
    )
  } finally {
    await fake.close()
  }
}

/** Writes the preload that reports peak RSS beside the runs, and gives its path. */
async function rssScript() {
  const file = path.join(dir, 'rss.mjs')
  await writeFile(file, RSS)
  return file
}

function kib(/** @type {number} */ bytes) {
  return `${(bytes / 1024).toFixed(0)} KiB`
}

/** One run of the action with these inputs; wall time, exit, outputs and peak RSS. */
async function measureAction(
  /** @type {string} */ baseUrl,
  /** @type {string | undefined} */ rssPath,
  /** @type {Record<string, string>} */ inputs
) {
  const runner = await prepareRunner({
    inputs: { ...sampleInputs(baseUrl), summary: 'false', ...inputs }
  })
  cleanup.push(runner.dir)
  const rssFile = path.join(runner.dir, 'rss')
  const env = rssPath
    ? { ...runner.env, BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `--import=${rssPath}` }
    : runner.env
  const started = Date.now()
  const exitCode = await new Promise(resolve =>
    execFile(node, [ACTION], { env, maxBuffer: 256 * 1024 * 1024 }, error =>
      resolve(error ? (error.code ?? 1) : 0)
    )
  )
  const endedAt = Date.now()
  const outputFile = await readFile(runner.files.output, 'utf8')
  const outputs = parseOutputFile(outputFile)
  const summaryBytes = Buffer.byteLength(await readFile(runner.files.summary, 'utf8'))
  const rssMb = rssPath ? Number(await readFile(rssFile, 'utf8')) / 1024 : NaN
  return {
    ms: endedAt - started,
    endedAt,
    exitCode,
    outputs,
    rssMb,
    outputBytes: Buffer.byteLength(outputFile),
    summaryBytes
  }
}

/** Runs `body` and checks it sent exactly one trigger; returns that request. */
async function oneRequest(
  /** @type {Awaited<ReturnType<typeof startFakeRefold>>} */ fake,
  /** @type {() => Promise<unknown>} */ body
) {
  const before = fake.triggers().length
  await body()
  const sent = fake.triggers()
  if (sent.length !== before + 1) throw new Error('a run did not send exactly one request')
  return sent[sent.length - 1]
}

/** Wall time of one child process, spawn to exit, in ms. */
function time(
  /** @type {string} */ binary,
  /** @type {string[]} */ args,
  /** @type {NodeJS.ProcessEnv} */ env
) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    execFile(binary, args, { env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${args.join(' ')} failed:\n${stdout}${stderr}`))
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
