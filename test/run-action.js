// Runs the bundled action the way the GitHub runner does: a child `node dist/index.js` with INPUT_*
// variables (action.yml defaults first), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files and an event
// file. Shared by the end-to-end tests and the demo.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { DEFAULT_API_KEY } from './fake-refold.js'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * @typedef {object} RunOptions
 * @property {Record<string, string>} inputs Inputs as a workflow's `with:` gives them.
 * @property {string} [node] The node binary; the current one by default.
 * @property {string} [eventName] GITHUB_EVENT_NAME, `release` by default.
 * @property {unknown} [event] The webhook payload written to GITHUB_EVENT_PATH; a string is
 *   written as is, to test an event file that is not JSON.
 * @property {Record<string, string>} [env] Extra environment (e.g. RUNNER_DEBUG, HTTPS_PROXY).
 * @property {string} [workspace] GITHUB_WORKSPACE; a fresh temporary folder by default.
 * @property {number} [timeoutMs] Kill the action after this long (default 60 s).
 */

/**
 * @typedef {object} RunResult
 * @property {number | null} exitCode
 * @property {string} stdout
 * @property {string} stderr
 * @property {Record<string, string>} outputs Parsed from the GITHUB_OUTPUT file.
 * @property {string} outputFile The GITHUB_OUTPUT file's raw text.
 * @property {string} summary The GITHUB_STEP_SUMMARY file's text.
 * @property {number} durationMs
 */

/** The runner's INPUT_* variables: action.yml defaults, then the given inputs. */
export async function inputEnvironment(/** @type {Record<string, string>} */ inputs) {
  const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8'))
  /** @type {Record<string, string>} */
  const env = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default !== undefined) env[inputVariable(name)] = String(spec.default)
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
  return env
}

/** How the runner names an input's variable. */
export function inputVariable(/** @type {string} */ name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * A temporary folder with the runner's files (output, summary, event) and the environment the
 * runner would give the step: its variables only, nothing of this process leaks in.
 * @param {Omit<RunOptions, 'node' | 'timeoutMs'>} options
 */
export async function prepareRunner(options) {
  const dir = await mkdtemp(path.join(tmpdir(), 'refold-run-'))
  const files = {
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary.md'),
    event: path.join(dir, 'event.json')
  }
  await writeFile(files.output, '')
  await writeFile(files.summary, '')
  const event = options.event ?? sampleRelease()
  await writeFile(files.event, typeof event === 'string' ? event : JSON.stringify(event))
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.eventName ?? 'release',
    GITHUB_WORKSPACE: options.workspace ?? dir,
    GITHUB_REPOSITORY: 'acme/shop-api',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_REF: 'refs/tags/v2.4.0',
    GITHUB_REF_NAME: 'v2.4.0',
    GITHUB_SHA: '5f3c9a1e7d2b4c6f8a0e1d3b5c7f9a2e4d6b8c01',
    GITHUB_ACTOR: 'mona',
    GITHUB_WORKFLOW: 'Release',
    GITHUB_JOB: 'notify',
    GITHUB_ACTION: 'refold',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_NUMBER: '57',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    RUNNER_TEMP: dir,
    ...(await inputEnvironment(options.inputs)),
    ...options.env
  }
  return { dir, files, env }
}

/** @param {RunOptions} options @returns {Promise<RunResult>} */
export async function runAction(options) {
  return (await startAction(options)).done
}

/**
 * @typedef {object} StartedAction
 * @property {import('node:child_process').ChildProcess} child The running action, for a test
 *   that signals it (as GitHub does when a run is cancelled).
 * @property {Promise<RunResult>} done Once it exited, with the files it left.
 */

/**
 * Starts the bundled action and returns at once, so a test can act while it runs.
 * @param {RunOptions} options
 * @returns {Promise<StartedAction>}
 */
export async function startAction(options) {
  const { dir, files, env } = await prepareRunner(options)
  const started = Date.now()
  const child = spawn(options.node ?? process.execPath, [path.join(ROOT, 'dist/index.js')], {
    env,
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 60_000
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk))
  const done = (async () => {
    try {
      /** @type {number | null} */
      const exitCode = await new Promise((resolve, reject) => {
        child.on('error', reject)
        child.on('close', code => resolve(code))
      })
      const durationMs = Date.now() - started
      const outputFile = await readFile(files.output, 'utf8')
      const summary = await readFile(files.summary, 'utf8')
      return {
        exitCode,
        stdout,
        stderr,
        outputs: parseOutputFile(outputFile),
        outputFile,
        summary,
        durationMs
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })()
  return { child, done }
}

/**
 * Fires the sample event at `baseUrl`; `inputs` add to or replace the sample inputs.
 * @param {string} baseUrl
 * @param {Record<string, string>} [inputs]
 * @param {Omit<RunOptions, 'inputs'>} [options]
 */
export function fireSampleEvent(baseUrl, inputs = {}, options = {}) {
  return runAction({ ...options, inputs: { ...sampleInputs(baseUrl), ...inputs } })
}

/** The sample event's inputs: Release Published for acme@example.com, with the fake's key. */
export function sampleInputs(/** @type {string} */ baseUrl) {
  return {
    api_key: DEFAULT_API_KEY,
    event: 'Release Published',
    linked_account_id: 'acme@example.com',
    base_url: baseUrl
  }
}

/** Reads `name<<DELIMITER` blocks as @actions/core writes them to GITHUB_OUTPUT. */
export function parseOutputFile(/** @type {string} */ text) {
  /** @type {Record<string, string>} */
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const [, name, delimiter] = match
    const end = lines.indexOf(delimiter, i + 1)
    outputs[name] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return outputs
}

/** A `release: published` webhook payload, trimmed to what the action reads. */
export function sampleRelease() {
  return {
    action: 'published',
    release: {
      id: 180451022,
      tag_name: 'v2.4.0',
      name: 'v2.4.0 – Order exports',
      body: '## What\'s Changed\n* Export orders as CSV by @mona in #112\n* "Quoted" notes \\ with backslash 🚀',
      draft: false,
      prerelease: false,
      html_url: 'https://github.com/acme/shop-api/releases/tag/v2.4.0',
      published_at: '2026-11-27T11:02:37Z',
      author: { login: 'mona', id: 1 }
    },
    repository: { full_name: 'acme/shop-api', name: 'shop-api', owner: { login: 'acme' } },
    sender: { login: 'mona' }
  }
}

/**
 * The job summary as a reader sees it: the character references it escapes server text with
 * decoded, `<br>` as a line break. Checks for a secret must read this, not the raw HTML.
 */
export function renderedSummary(/** @type {string} */ html) {
  return html
    .replace(/<br>/g, '\n')
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
