export const id = 886;
export const ids = [886];
export const modules = {

/***/ 8886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   summarizeGithubContext: () => (/* binding */ summarizeGithubContext)
/* harmony export */ });
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
// @actions/github's own default when GITHUB_SERVER_URL is unset.
const DEFAULT_SERVER_URL = 'https://github.com';
function summarizeGithubContext(context, env) {
    // The payload is whatever the event file held, so nothing in it is trusted to have its documented
    // type; @actions/github leaves it empty when the file is missing.
    const payload = asObject(context.payload) ?? {};
    // Empty variables count as unset, as @actions/github treats GITHUB_REPOSITORY.
    const serverUrl = (text(context.serverUrl) || DEFAULT_SERVER_URL).replace(/\/+$/, '');
    const repository = text(env.GITHUB_REPOSITORY) || text(asObject(payload.repository)?.full_name) || null;
    const runId = count(context.runId);
    const summary = {
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
        run_url: repository !== null && runId !== null
            ? `${serverUrl}/${repository}/actions/runs/${runId}`
            : null,
        server_url: serverUrl
    };
    return { ...summary, ...eventSection(summary.event_name, payload) };
}
function eventSection(eventName, payload) {
    switch (eventName) {
        case 'release': {
            const release = asObject(payload.release);
            return release ? { release: releaseSummary(release) } : {};
        }
        case 'deployment': {
            const deployment = asObject(payload.deployment);
            return deployment ? { deployment: deploymentSummary(deployment) } : {};
        }
        case 'deployment_status': {
            const status = asObject(payload.deployment_status);
            const deployment = asObject(payload.deployment);
            return {
                ...(status && { deployment_status: deploymentStatusSummary(status) }),
                ...(deployment && { deployment: deploymentSummary(deployment) })
            };
        }
        case 'push':
            // A push payload has no wrapper object; `after` is always in it.
            return 'after' in payload ? { push: pushSummary(payload) } : {};
        case 'pull_request':
        case 'pull_request_target': {
            const pullRequest = asObject(payload.pull_request);
            return pullRequest ? { pull_request: pullRequestSummary(pullRequest) } : {};
        }
        case 'workflow_run': {
            const run = asObject(payload.workflow_run);
            return run ? { workflow_run: workflowRunSummary(run) } : {};
        }
        case 'workflow_dispatch': {
            const inputs = asObject(payload.inputs);
            return inputs ? { inputs: { ...inputs } } : {};
        }
        case 'schedule': {
            const schedule = text(payload.schedule);
            return schedule !== null ? { schedule } : {};
        }
        default:
            return {};
    }
}
function releaseSummary(release) {
    return {
        tag_name: text(release.tag_name),
        name: text(release.name),
        html_url: text(release.html_url),
        body: text(release.body),
        draft: flag(release.draft),
        prerelease: flag(release.prerelease),
        published_at: text(release.published_at),
        author: login(release.author)
    };
}
function deploymentSummary(deployment) {
    return {
        id: count(deployment.id),
        environment: text(deployment.environment),
        ref: text(deployment.ref),
        sha: text(deployment.sha),
        task: text(deployment.task),
        description: text(deployment.description),
        url: text(deployment.url)
    };
}
function deploymentStatusSummary(status) {
    return {
        state: text(status.state),
        environment: text(status.environment),
        environment_url: text(status.environment_url),
        target_url: text(status.target_url),
        description: text(status.description)
    };
}
function pushSummary(push) {
    const headCommit = asObject(push.head_commit);
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
    };
}
function commitAuthor(value) {
    const author = asObject(value) ?? {};
    return {
        name: text(author.name),
        email: text(author.email),
        username: text(author.username)
    };
}
function pullRequestSummary(pullRequest) {
    return {
        number: count(pullRequest.number),
        title: text(pullRequest.title),
        state: text(pullRequest.state),
        merged: flag(pullRequest.merged),
        html_url: text(pullRequest.html_url),
        head_ref: text(asObject(pullRequest.head)?.ref),
        base_ref: text(asObject(pullRequest.base)?.ref),
        user: login(pullRequest.user)
    };
}
function workflowRunSummary(run) {
    return {
        id: count(run.id),
        name: text(run.name),
        conclusion: text(run.conclusion),
        status: text(run.status),
        html_url: text(run.html_url),
        head_branch: text(run.head_branch),
        head_sha: text(run.head_sha)
    };
}
function asObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : null;
}
function text(value) {
    return typeof value === 'string' ? value : null;
}
// @actions/github parses run numbers with parseInt, which gives NaN when the variable is unset.
function count(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
function flag(value) {
    return typeof value === 'boolean' ? value : null;
}
function login(user) {
    return text(asObject(user)?.login);
}


/***/ })

};
