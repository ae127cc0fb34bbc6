import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  summarizeGithubContext,
  type GithubContext,
  type GithubSummary,
  type ReleaseSummary
} from '../src/action/context.js'

const REPOSITORY = 'acme-corp/shop-api'
const RUN_ID = 19731958804
const MAIN_SHA = '5f3c9a1e7d2b4c6f8a0e1d3b5c7f9a2e4d6b8c01'
const DEPLOYED_SHA = 'e1b4d7a0c3f6e9b2d5a8c1f4e7b0d3a6c9f2e5b8'

type Payload = GithubContext['payload']

function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../__fixtures__/events/${name}.json`, import.meta.url))
}

function loadEvent(name: string): Payload {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8'))
}

interface Run {
  eventName: string
  ref: string
  refName: string
  sha: string
}

const releaseRun: Run = {
  eventName: 'release',
  ref: 'refs/tags/v2.4.0',
  refName: 'v2.4.0',
  sha: MAIN_SHA
}
const mainRun = (eventName: string): Run => ({
  eventName,
  ref: 'refs/heads/main',
  refName: 'main',
  sha: MAIN_SHA
})

function contextFor(run: Run, payload: Payload, overrides: Partial<GithubContext> = {}) {
  const context: GithubContext = {
    payload,
    eventName: run.eventName,
    sha: run.sha,
    ref: run.ref,
    workflow: 'Notify Refold',
    actor: 'mona',
    job: 'notify',
    runId: RUN_ID,
    runNumber: 57,
    runAttempt: 2,
    serverUrl: 'https://github.com',
    ...overrides
  }
  return context
}

function envFor(run: Run): NodeJS.ProcessEnv {
  return {
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_REF_NAME: run.refName,
    GITHUB_SERVER_URL: 'https://github.com'
  }
}

function summarize(run: Run, payload: Payload = loadEvent(run.eventName)): GithubSummary {
  return summarizeGithubContext(contextFor(run, payload), envFor(run))
}

function baseFields(run: Run): GithubSummary {
  return {
    event_name: run.eventName,
    repository: REPOSITORY,
    ref: run.ref,
    ref_name: run.refName,
    sha: run.sha,
    actor: 'mona',
    workflow: 'Notify Refold',
    job: 'notify',
    run_id: RUN_ID,
    run_number: 57,
    run_attempt: 2,
    run_url: `https://github.com/${REPOSITORY}/actions/runs/${RUN_ID}`,
    server_url: 'https://github.com'
  }
}

const expectedRelease: ReleaseSummary = {
  tag_name: 'v2.4.0',
  name: 'v2.4.0 – Order exports',
  html_url: 'https://github.com/acme-corp/shop-api/releases/tag/v2.4.0',
  body: loadEvent('release').release.body,
  draft: false,
  prerelease: false,
  published_at: '2025-11-27T11:02:37Z',
  author: 'mona'
}

const expectedDeployment = {
  id: 2403917755,
  environment: 'production',
  ref: 'v2.4.0',
  sha: DEPLOYED_SHA,
  task: 'deploy',
  description: 'Deploy v2.4.0 to production',
  url: 'https://api.github.com/repos/acme-corp/shop-api/deployments/2403917755'
}

describe('summarizeGithubContext', () => {
  it('adds the release section for a release event', () => {
    expect(summarize(releaseRun)).toStrictEqual({
      ...baseFields(releaseRun),
      release: expectedRelease
    })
  })

  it('adds the deployment section for a deployment event', () => {
    const run = { ...releaseRun, eventName: 'deployment', sha: DEPLOYED_SHA }
    expect(summarize(run)).toStrictEqual({ ...baseFields(run), deployment: expectedDeployment })
  })

  it('adds deployment_status and its deployment side by side for a deployment_status event', () => {
    const run = { ...releaseRun, eventName: 'deployment_status', sha: DEPLOYED_SHA }
    expect(summarize(run)).toStrictEqual({
      ...baseFields(run),
      deployment_status: {
        state: 'success',
        environment: 'production',
        environment_url: 'https://shop.acme.example',
        target_url:
          'https://github.com/acme-corp/shop-api/actions/runs/19731942210/job/56538410122',
        description: 'Deployment finished successfully.'
      },
      deployment: expectedDeployment
    })
  })

  it('adds the push section for a push event, the head commit author as name, email and username', () => {
    const run = mainRun('push')
    const payload = loadEvent('push')
    expect(summarize(run, payload)).toStrictEqual({
      ...baseFields(run),
      push: {
        before: '0a7d4c1f8e5b2a9d6c3f0e7b4a1d8c5f2e9b6a3d',
        after: MAIN_SHA,
        compare: 'https://github.com/acme-corp/shop-api/compare/0a7d4c1f8e5b...5f3c9a1e7d2b',
        forced: false,
        head_commit: {
          id: MAIN_SHA,
          message: payload.head_commit.message,
          url: `https://github.com/acme-corp/shop-api/commit/${MAIN_SHA}`,
          timestamp: '2025-11-27T10:40:51+01:00',
          author: {
            name: 'Mona Lisa',
            email: '1024025+mona@users.noreply.github.com',
            username: 'mona'
          }
        },
        commits_count: 3
      }
    })
  })

  it('gives a null username for a head commit author without a GitHub account', () => {
    const payload = loadEvent('push')
    payload.head_commit = payload.commits[1]
    expect(summarize(mainRun('push'), payload).push?.head_commit?.author).toStrictEqual({
      name: 'Jo Contractor',
      email: 'jo@contractor.example',
      username: null
    })
  })

  it('gives a null head_commit and no commits for a push that deletes a branch', () => {
    const payload = {
      ...loadEvent('push'),
      ref: 'refs/heads/feature/refold-export',
      after: '0000000000000000000000000000000000000000',
      deleted: true,
      commits: [],
      head_commit: null
    }
    expect(summarize(mainRun('push'), payload).push).toMatchObject({
      after: '0000000000000000000000000000000000000000',
      head_commit: null,
      commits_count: 0
    })
  })

  it('adds the pull_request section for a pull_request event', () => {
    const run: Run = {
      eventName: 'pull_request',
      ref: 'refs/pull/118/merge',
      refName: '118/merge',
      sha: 'd9c2f5b8e1a4d7c0f3b6e9a2d5c8f1b4e7a0d3c6'
    }
    expect(summarize(run)).toStrictEqual({
      ...baseFields(run),
      pull_request: {
        number: 118,
        title: 'Notify Refold when an export finishes',
        state: 'open',
        merged: false,
        html_url: 'https://github.com/acme-corp/shop-api/pull/118',
        head_ref: 'feature/refold-export',
        base_ref: 'main',
        user: 'mona'
      }
    })
  })

  it('adds the pull_request section for a pull_request_target event', () => {
    const run = mainRun('pull_request_target')
    expect(summarize(run)).toStrictEqual({
      ...baseFields(run),
      pull_request: {
        number: 121,
        title: 'Fix typo in export README',
        state: 'closed',
        merged: true,
        html_url: 'https://github.com/acme-corp/shop-api/pull/121',
        head_ref: 'fix/readme-typo',
        base_ref: 'main',
        user: 'octo-fork'
      }
    })
  })

  it('adds the workflow_run section for a workflow_run event', () => {
    const run = mainRun('workflow_run')
    expect(summarize(run)).toStrictEqual({
      ...baseFields(run),
      workflow_run: {
        id: 19731942210,
        name: 'CI',
        conclusion: 'success',
        status: 'completed',
        html_url: 'https://github.com/acme-corp/shop-api/actions/runs/19731942210',
        head_branch: 'main',
        head_sha: MAIN_SHA
      }
    })
  })

  it('adds the inputs of a workflow_dispatch event under inputs', () => {
    const run = mainRun('workflow_dispatch')
    expect(summarize(run)).toStrictEqual({
      ...baseFields(run),
      inputs: { environment: 'staging', dry_run: 'false', batch_size: '250' }
    })
  })

  it('adds the cron expression under schedule for a schedule event', () => {
    const run = mainRun('schedule')
    expect(summarize(run)).toStrictEqual({ ...baseFields(run), schedule: '30 5 * * 1-5' })
  })

  it('gives the base fields only for an event it has no section for', () => {
    const run = mainRun('watch')
    const payload = { action: 'started', repository: loadEvent('release').repository }
    expect(summarize(run, payload)).toStrictEqual(baseFields(run))
  })

  it('gives the base fields only when the event file is missing', () => {
    // @actions/github leaves the payload empty when GITHUB_EVENT_PATH does not exist.
    for (const eventName of ['release', 'deployment_status', 'push', 'workflow_dispatch']) {
      const run = { ...releaseRun, eventName }
      expect(summarize(run, {})).toStrictEqual(baseFields(run))
    }
  })

  it('gives null, never undefined, for a value missing from the payload or the environment', () => {
    const context = contextFor(
      releaseRun,
      { release: { tag_name: 'v0.1.0', draft: 'no' } },
      {
        runId: NaN
      }
    )
    const summary = summarizeGithubContext(context, { GITHUB_REPOSITORY: REPOSITORY })
    expect(summary).toStrictEqual({
      ...baseFields(releaseRun),
      ref_name: null,
      run_id: null,
      run_url: null,
      release: {
        tag_name: 'v0.1.0',
        name: null,
        html_url: null,
        body: null,
        draft: null,
        prerelease: null,
        published_at: null,
        author: null
      }
    })
  })

  it('takes the repository from the payload when GITHUB_REPOSITORY is unset', () => {
    const context = contextFor(releaseRun, loadEvent('release'))
    const summary = summarizeGithubContext(context, { GITHUB_REF_NAME: 'v2.4.0' })
    expect(summary.repository).toBe(REPOSITORY)
    expect(summary.run_url).toBe(`https://github.com/${REPOSITORY}/actions/runs/${RUN_ID}`)
  })

  it('keeps quotes, backslashes, newlines and emoji of a commit message byte-identical through JSON', () => {
    const payload = loadEvent('push')
    const message: string = payload.head_commit.message
    expect(message).toMatch(/"Export"/)
    expect(message).toContain(`it's 'quoted'`)
    expect(message).toContain('C:\\Users\\ci\\exports')
    expect(message).toContain('\n\n')
    expect(message).toContain('🚀')

    const roundTripped = JSON.parse(JSON.stringify(summarize(mainRun('push'), payload)))
    expect(Buffer.from(roundTripped.push.head_commit.message, 'utf8')).toEqual(
      Buffer.from(message, 'utf8')
    )
  })

  it('keeps a 64 KiB release body intact', () => {
    const line = '* Fix "quoted" C:\\path — ünïcödé ✓ 🚀\n'
    const body = line.repeat(Math.ceil(65536 / Buffer.byteLength(line)))
    expect(Buffer.byteLength(body)).toBeGreaterThanOrEqual(65536)
    const payload = loadEvent('release')
    payload.release.body = body

    const roundTripped = JSON.parse(JSON.stringify(summarize(releaseRun, payload)))
    expect(roundTripped.release.body).toBe(body)
  })

  it('builds run_url from a GitHub Enterprise Server URL', () => {
    const serverUrl = 'https://github.acme.example'
    for (const given of [serverUrl, `${serverUrl}/`]) {
      const context = contextFor(releaseRun, loadEvent('release'), { serverUrl: given })
      const summary = summarizeGithubContext(context, envFor(releaseRun))
      expect(summary.server_url).toBe(serverUrl)
      expect(summary.run_url).toBe(`${serverUrl}/${REPOSITORY}/actions/runs/${RUN_ID}`)
    }
  })

  it('gives run_id, run_number and run_attempt as numbers', () => {
    const summary = JSON.parse(JSON.stringify(summarize(releaseRun)))
    expect(summary).toMatchObject({ run_id: RUN_ID, run_number: 57, run_attempt: 2 })
    for (const key of ['run_id', 'run_number', 'run_attempt']) {
      expect(typeof summary[key]).toBe('number')
    }
  })
})

describe('summarizeGithubContext with the real @actions/github context', () => {
  const savedEnv = process.env

  beforeEach(() => {
    process.env = {
      ...savedEnv,
      GITHUB_EVENT_PATH: fixturePath('release'),
      GITHUB_EVENT_NAME: 'release',
      GITHUB_SHA: MAIN_SHA,
      GITHUB_REF: 'refs/tags/v2.4.0',
      GITHUB_REF_NAME: 'v2.4.0',
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_WORKFLOW: 'Notify Refold',
      GITHUB_ACTOR: 'mona',
      GITHUB_JOB: 'notify',
      GITHUB_RUN_ID: String(RUN_ID),
      GITHUB_RUN_NUMBER: '57',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_SERVER_URL: 'https://github.com'
    }
  })

  afterEach(() => {
    process.env = savedEnv
    jest.restoreAllMocks()
  })

  // @actions/github builds its context once, on first import, from process.env; each test
  // imports a fresh copy.
  async function realContext(): Promise<typeof import('@actions/github').context> {
    let context: typeof import('@actions/github').context | undefined
    await jest.isolateModulesAsync(async () => {
      context = (await import('@actions/github')).context
    })
    if (!context) throw new Error('the isolated import did not run')
    return context
  }

  async function summarizeRealContext(): Promise<GithubSummary> {
    return summarizeGithubContext(await realContext(), process.env)
  }

  it('summarizes the context @actions/github builds from the runner environment', async () => {
    expect(await summarizeRealContext()).toStrictEqual({
      ...baseFields(releaseRun),
      release: expectedRelease
    })
  })

  it('gives the base fields only when GITHUB_EVENT_PATH names a missing file', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    process.env.GITHUB_EVENT_PATH = fixturePath('no-such-event')

    expect(await summarizeRealContext()).toStrictEqual(baseFields(releaseRun))
    expect(write).toHaveBeenCalledWith(expect.stringContaining('does not exist'))
  })

  it('does not throw when neither GITHUB_REPOSITORY nor the payload names the repository', async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    process.env.GITHUB_EVENT_PATH = fixturePath('no-such-event')
    delete process.env.GITHUB_REPOSITORY
    const context = await realContext()

    expect(() => context.repo).toThrow('GITHUB_REPOSITORY')
    expect(summarizeGithubContext(context, process.env)).toStrictEqual({
      ...baseFields(releaseRun),
      repository: null,
      run_url: null
    })
  })
})
