// Builds the small, predictable summary of the GitHub context that is sent as the Refold event
// payload when the workflow author gives none.
//
// Rules, applied everywhere:
// - Every documented field is always present; a value missing from the context, the environment or
//   the event payload (or of an unexpected type) is null, never omitted, so Refold workflow
//   mappings can rely on the keys.
// - An event section (release, deployment, push, ...) appears only for the event that started the
//   workflow, and only when the event payload carries it; otherwise the summary is the base fields.
// - A deployment_status event gets both a `deployment_status` and a `deployment` section, side by
//   side, exactly as `github.event` has them.
// - pull_request_target events use the `pull_request` section; `event_name` tells them apart.

/** The parts of @actions/github's `context` the summary reads. */
export type GithubContext = Pick<
  typeof import('@actions/github').context,
  | 'payload'
  | 'eventName'
  | 'sha'
  | 'ref'
  | 'workflow'
  | 'actor'
  | 'job'
  | 'runId'
  | 'runNumber'
  | 'runAttempt'
  | 'serverUrl'
>

/** A git author or committer as a push event lists it. */
export interface CommitAuthorSummary {
  name: string | null
  email: string | null
  /** GitHub login; null when the email belongs to no GitHub account. */
  username: string | null
}

/** The release of a `release` event. */
export interface ReleaseSummary {
  tag_name: string | null
  name: string | null
  html_url: string | null
  /** Release notes, markdown, untouched. */
  body: string | null
  draft: boolean | null
  prerelease: boolean | null
  /** ISO 8601 timestamp; null for a draft. */
  published_at: string | null
  /** Login of the user who created the release. */
  author: string | null
}

/** The deployment of a `deployment` or `deployment_status` event. */
export interface DeploymentSummary {
  id: number | null
  environment: string | null
  /** Branch, tag or SHA that was deployed, as requested. */
  ref: string | null
  sha: string | null
  /** E.g. `deploy` or `deploy:migrations`. */
  task: string | null
  description: string | null
  /** The deployment's REST API URL. */
  url: string | null
}

/** The new status of a `deployment_status` event; its deployment is the `deployment` section. */
export interface DeploymentStatusSummary {
  /** error, failure, inactive, in_progress, queued, pending or success. */
  state: string | null
  environment: string | null
  /** URL of the deployed environment (e.g. the app itself). */
  environment_url: string | null
  /** URL with the deployment's output, e.g. logs. */
  target_url: string | null
  description: string | null
}

/** The head commit of a `push` event. */
export interface HeadCommitSummary {
  id: string | null
  /** Full commit message, multi-line, untouched. */
  message: string | null
  url: string | null
  /** ISO 8601 timestamp with the author's offset. */
  timestamp: string | null
  author: CommitAuthorSummary
}

/** A `push` event. */
export interface PushSummary {
  /** SHA the ref pointed to before the push (all zeros for a new ref). */
  before: string | null
  /** SHA the ref points to after the push (all zeros for a deleted ref). */
  after: string | null
  /** URL comparing `before` and `after`. */
  compare: string | null
  forced: boolean | null
  /** Null when the push deleted the ref. */
  head_commit: HeadCommitSummary | null
  /** Number of commits the payload lists (GitHub lists at most 2048). */
  commits_count: number | null
}

/** The pull request of a `pull_request` or `pull_request_target` event. */
export interface PullRequestSummary {
  number: number | null
  title: string | null
  /** open or closed. */
  state: string | null
  merged: boolean | null
  html_url: string | null
  /** Source branch. */
  head_ref: string | null
  /** Target branch. */
  base_ref: string | null
  /** Login of the pull request's author. */
  user: string | null
}

/** The triggering run of a `workflow_run` event. */
export interface WorkflowRunSummary {
  id: number | null
  /** Name of the workflow that ran. */
  name: string | null
  /** success, failure, cancelled, ...; null while the run is not completed. */
  conclusion: string | null
  /** requested, in_progress, completed, ... */
  status: string | null
  html_url: string | null
  head_branch: string | null
  head_sha: string | null
}

/** What the summary holds; the base fields always, at most one event's section(s). */
export interface GithubSummary {
  /** Event that started the workflow, e.g. `release` or `push`. */
  event_name: string | null
  /** `owner/repo`. */
  repository: string | null
  /** Full ref, e.g. `refs/tags/v1.2.0` or `refs/pull/7/merge`. */
  ref: string | null
  /** Short ref name from GITHUB_REF_NAME, e.g. `v1.2.0`, `main` or `7/merge`. */
  ref_name: string | null
  /** Commit SHA the workflow runs on. */
  sha: string | null
  /** Login of the user who started the run. */
  actor: string | null
  /** Workflow name (or file path when it has no name). */
  workflow: string | null
  /** Job id. */
  job: string | null
  run_id: number | null
  run_number: number | null
  run_attempt: number | null
  /** `<server_url>/<repository>/actions/runs/<run_id>`. */
  run_url: string | null
  /** `https://github.com`, or the GitHub Enterprise Server / ghe.com URL. */
  server_url: string
  release?: ReleaseSummary
  /** For deployment and deployment_status events. */
  deployment?: DeploymentSummary
  deployment_status?: DeploymentStatusSummary
  push?: PushSummary
  /** For pull_request and pull_request_target events. */
  pull_request?: PullRequestSummary
  workflow_run?: WorkflowRunSummary
  /** workflow_dispatch inputs as the payload has them (GitHub sends them as strings). */
  inputs?: Record<string, unknown>
  /** Cron expression of a schedule event. */
  schedule?: string
}

type Json = Record<string, unknown>

// @actions/github's own default when GITHUB_SERVER_URL is unset.
const DEFAULT_SERVER_URL = 'https://github.com'

/**
 * The summary of this run's context. @actions/github is loaded only here, when a summary is wanted,
 * and it parses the event file as it loads: an event file it cannot parse costs the event
 * sections, with a warning, never the run.
 */
export async function loadGithubSummary(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void
): Promise<GithubSummary> {
  const context = await import(/* webpackChunkName: "github" */ '@actions/github').then(
    github => github.context,
    (error: Error) => {
      warn(
        `Could not load the GitHub context from ${env.GITHUB_EVENT_PATH ?? '(no GITHUB_EVENT_PATH)'} (${error.message}); ` +
          'the GitHub context summary has the base fields only.'
      )
      return contextWithoutEvent(env)
    }
  )
  return summarizeGithubContext(context, env)
}

/** The context fields @actions/github reads from the environment, with an empty event payload. */
function contextWithoutEvent(env: NodeJS.ProcessEnv): GithubContext {
  return {
    payload: {},
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    job: env.GITHUB_JOB ?? '',
    runId: Number(env.GITHUB_RUN_ID),
    runNumber: Number(env.GITHUB_RUN_NUMBER),
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT),
    serverUrl: env.GITHUB_SERVER_URL ?? ''
  }
}

export function summarizeGithubContext(
  context: GithubContext,
  env: NodeJS.ProcessEnv
): GithubSummary {
  // The payload is whatever the event file held, so nothing in it is trusted to have its documented
  // type; @actions/github leaves it empty when the file is missing.
  const payload = asObject(context.payload) ?? {}
  // Empty variables count as unset, as @actions/github treats GITHUB_REPOSITORY.
  const serverUrl = (text(context.serverUrl) || DEFAULT_SERVER_URL).replace(/\/+$/, '')
  const repository =
    text(env.GITHUB_REPOSITORY) || text(asObject(payload.repository)?.full_name) || null
  const runId = count(context.runId)
  const summary: GithubSummary = {
    event_name: text(context.eventName),
    repository,
    ref: text(context.ref),
    ref_name: text(env.GITHUB_REF_NAME),
    sha: text(context.sha),
    actor: text(context.actor),
    workflow: text(context.workflow),
    job: text(context.job),
    run_id: runId,
    run_number: count(context.runNumber),
    run_attempt: count(context.runAttempt),
    run_url:
      repository !== null && runId !== null
        ? `${serverUrl}/${repository}/actions/runs/${runId}`
        : null,
    server_url: serverUrl
  }
  return { ...summary, ...eventSection(summary.event_name, payload) }
}

function eventSection(eventName: string | null, payload: Json): Partial<GithubSummary> {
  switch (eventName) {
    case 'release': {
      const release = asObject(payload.release)
      return release ? { release: releaseSummary(release) } : {}
    }
    case 'deployment': {
      const deployment = asObject(payload.deployment)
      return deployment ? { deployment: deploymentSummary(deployment) } : {}
    }
    case 'deployment_status': {
      const status = asObject(payload.deployment_status)
      const deployment = asObject(payload.deployment)
      return {
        ...(status && { deployment_status: deploymentStatusSummary(status) }),
        ...(deployment && { deployment: deploymentSummary(deployment) })
      }
    }
    case 'push':
      // A push payload has no wrapper object; `after` is always in it.
      return 'after' in payload ? { push: pushSummary(payload) } : {}
    case 'pull_request':
    case 'pull_request_target': {
      const pullRequest = asObject(payload.pull_request)
      return pullRequest ? { pull_request: pullRequestSummary(pullRequest) } : {}
    }
    case 'workflow_run': {
      const run = asObject(payload.workflow_run)
      return run ? { workflow_run: workflowRunSummary(run) } : {}
    }
    case 'workflow_dispatch': {
      const inputs = asObject(payload.inputs)
      return inputs ? { inputs: { ...inputs } } : {}
    }
    case 'schedule': {
      const schedule = text(payload.schedule)
      return schedule !== null ? { schedule } : {}
    }
    default:
      return {}
  }
}

function releaseSummary(release: Json): ReleaseSummary {
  return {
    tag_name: text(release.tag_name),
    name: text(release.name),
    html_url: text(release.html_url),
    body: text(release.body),
    draft: flag(release.draft),
    prerelease: flag(release.prerelease),
    published_at: text(release.published_at),
    author: login(release.author)
  }
}

function deploymentSummary(deployment: Json): DeploymentSummary {
  return {
    id: count(deployment.id),
    environment: text(deployment.environment),
    ref: text(deployment.ref),
    sha: text(deployment.sha),
    task: text(deployment.task),
    description: text(deployment.description),
    url: text(deployment.url)
  }
}

function deploymentStatusSummary(status: Json): DeploymentStatusSummary {
  return {
    state: text(status.state),
    environment: text(status.environment),
    environment_url: text(status.environment_url),
    target_url: text(status.target_url),
    description: text(status.description)
  }
}

function pushSummary(push: Json): PushSummary {
  const headCommit = asObject(push.head_commit)
  return {
    before: text(push.before),
    after: text(push.after),
    compare: text(push.compare),
    forced: flag(push.forced),
    head_commit: headCommit && {
      id: text(headCommit.id),
      message: text(headCommit.message),
      url: text(headCommit.url),
      timestamp: text(headCommit.timestamp),
      author: commitAuthor(headCommit.author)
    },
    commits_count: Array.isArray(push.commits) ? push.commits.length : null
  }
}

function commitAuthor(value: unknown): CommitAuthorSummary {
  const author = asObject(value) ?? {}
  return {
    name: text(author.name),
    email: text(author.email),
    username: text(author.username)
  }
}

function pullRequestSummary(pullRequest: Json): PullRequestSummary {
  return {
    number: count(pullRequest.number),
    title: text(pullRequest.title),
    state: text(pullRequest.state),
    merged: flag(pullRequest.merged),
    html_url: text(pullRequest.html_url),
    head_ref: text(asObject(pullRequest.head)?.ref),
    base_ref: text(asObject(pullRequest.base)?.ref),
    user: login(pullRequest.user)
  }
}

function workflowRunSummary(run: Json): WorkflowRunSummary {
  return {
    id: count(run.id),
    name: text(run.name),
    conclusion: text(run.conclusion),
    status: text(run.status),
    html_url: text(run.html_url),
    head_branch: text(run.head_branch),
    head_sha: text(run.head_sha)
  }
}

function asObject(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : null
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

// @actions/github parses run numbers with parseInt, which gives NaN when the variable is unset.
function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function flag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null
}

function login(user: unknown): string | null {
  return text(asObject(user)?.login)
}
