import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 833:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ statusFor),
/* harmony export */   d: () => (/* binding */ cancelOnSignals)
/* harmony export */ });
// SIGINT and SIGTERM as a runner or a terminal sends them: the first cancels the run, which then
// writes its record of what happened; a second means "now" and exits at once.
/** The conventional status of a process ended by `signal`: 128 + its number. */
function statusFor(signal) {
    return signal === 'SIGINT' ? 130 : 143;
}
function cancelOnSignals(exitAtOnce) {
    const controller = new AbortController();
    let received;
    const onSignal = (signal) => {
        if (received)
            exitAtOnce(signal);
        received = signal;
        controller.abort(new Error(`cancelled by ${signal}`));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return { signal: controller.signal, received: () => received };
}


/***/ }),

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(833);
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6463);


const cancellation = (0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelOnSignals */ .d)(signal => process.exit((0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .statusFor */ .S)(signal)));
process.exitCode = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)(process.argv.slice(2), process.env, process, undefined, cancellation);
// A cancelled run has printed its record; requests still in flight must not hold the process.
if (cancellation.received())
    process.exit(process.exitCode);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6463:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ main_run)
});

// UNUSED EXPORTS: cliNaming

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/core/errors.ts
// The failures a run can end in. Each carries exactly what the workflow author must read;
// each door decides whether it fails the step or becomes a warning, and no stack trace is ever printed.
/** A missing or malformed input: always fails the step, and no request is sent. */
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(
    /** The input's name as action.yml spells it. */
    input, message) {
        super(message);
        this.input = input;
    }
}
/** Refold answered, but not with a 2xx. */
class RefoldApiError extends Error {
    details;
    name = 'RefoldApiError';
    constructor(details) {
        super(describeApiError(details));
        this.details = details;
    }
    get status() {
        return this.details.status;
    }
    /** Refold is rate limiting: a 429, or the older services' 403 "Rate Limit Hit". */
    get rateLimited() {
        if (this.status === 429)
            return true;
        const { refoldMessage, errorText, errorCode } = this.details;
        return (this.status === 403 &&
            [refoldMessage, errorText, errorCode].some(text => /rate.?limit/i.test(text ?? '')));
    }
    /** The same failure with a hint for the author appended. */
    withHint(hint) {
        return new RefoldApiError({ ...this.details, hint });
    }
}
function describeApiError(d) {
    const kind = [d.httpErrorType, d.errorCode].filter(Boolean).join(' ');
    let text = `Refold refused to ${d.action}: HTTP ${d.status}${kind ? ` ${kind}` : ''}`;
    if (d.refoldMessage)
        text += ` — ${d.refoldMessage}`;
    if (d.requestId)
        text += ` (request id ${d.requestId})`;
    if (d.hint)
        text += `. ${d.hint}`;
    return text;
}
/**
 * A 2xx whose body is not of the shape the endpoint documents (a list that is not a list, an
 * execution without an id). Like a 5xx it is most likely a passing fault, so it is retried.
 */
class MalformedAnswerError extends RefoldApiError {
    name = 'MalformedAnswerError';
    constructor(details, problem) {
        super(details);
        this.message =
            `Refold's answer to ${details.action} (HTTP ${details.status}) was not of the expected ` +
                `shape: ${problem}`;
    }
}
/** No usable answer: the connection failed, or the attempt ran out of time. */
class NetworkError extends Error {
    action;
    host;
    reason;
    name = 'NetworkError';
    constructor(
    /** What was being done, e.g. `trigger event "Release Published"`. */
    action, 
    /** The host that was contacted. */
    host, 
    /** What went wrong, without a stack: e.g. `connection refused (ECONNREFUSED)`. */
    reason, options) {
        super(`Could not ${action} at ${host}: ${reason}`, options);
        this.action = action;
        this.host = host;
        this.reason = reason;
    }
}
/**
 * A call that failed for good: Refold refused it, or retries ran out, or Refold asked for a longer
 * wait than allowed. Carries what every attempt met, for the summary's attempts table.
 */
class CallFailed extends Error {
    last;
    attempts;
    gaveUp;
    name = 'CallFailed';
    constructor(
    /** The failure of the last attempt. */
    last, attempts, 
    /** Why the retry policy stopped; absent when the failure was not worth retrying. */
    gaveUp) {
        // A network error names its host already; an API error's host matters once retries ran out.
        const host = last instanceof RefoldApiError && last.details.host ? ` (${last.details.host})` : '';
        super(gaveUp ? `${gaveUp}${host}. Last error: ${last.message}` : last.message, {
            cause: last
        });
        this.last = last;
        this.attempts = attempts;
        this.gaveUp = gaveUp;
    }
    /** The same failure with a hint for the author appended to its last error. */
    withHint(hint) {
        if (!(this.last instanceof RefoldApiError))
            return this;
        return new CallFailed(this.last.withHint(hint), this.attempts, this.gaveUp);
    }
}
/** The event was accepted but the workflow executions did not all complete. */
class WaitError extends Error {
    name = 'WaitError';
}
/** The run was cancelled before this request could start: it was never sent. */
class NotStarted extends Error {
    attemptsBefore;
    name = 'NotStarted';
    constructor(
    /** Attempts of the same call made before the cancel (a retry that never went out). */
    attemptsBefore = []) {
        super('cancelled before the request was sent');
        this.attemptsBefore = attemptsBefore;
    }
}

;// CONCATENATED MODULE: ./src/core/names.ts
// Input and output names as action.yml spells them: the core's input errors quote them, the action
// reads and writes them, and the CLI maps its flags onto them.
const Inputs = {
    ApiKey: 'api_key',
    Event: 'event',
    LinkedAccountId: 'linked_account_id',
    LinkedAccountFile: 'linked_account_file',
    Shard: 'shard',
    ConfigId: 'config_id',
    Slug: 'slug',
    Payload: 'payload',
    PayloadFile: 'payload_file',
    GithubContext: 'github_context',
    BaseUrl: 'base_url',
    Timeout: 'timeout',
    Retries: 'retries',
    RateLimit: 'rate_limit',
    Concurrency: 'concurrency',
    FailOnError: 'fail_on_error',
    IdempotencyKey: 'idempotency_key',
    DryRun: 'dry_run',
    Wait: 'wait',
    WaitTimeout: 'wait_timeout',
    WaitInterval: 'wait_interval',
    WaitSettle: 'wait_settle',
    ExpectedWorkflows: 'expected_workflows',
    StopUnfinished: 'stop_unfinished',
    Preflight: 'preflight',
    Summary: 'summary'
};
const names_Outputs = {
    Ok: 'ok',
    StatusCode: 'status_code',
    Message: 'message',
    ErrorCode: 'error_code',
    HttpErrorType: 'http_error_type',
    Response: 'response',
    Attempts: 'attempts',
    DurationMs: 'duration_ms',
    Payload: 'payload',
    IdempotencyKey: 'idempotency_key',
    Executions: 'executions',
    Results: 'results',
    Accepted: 'accepted',
    Failed: 'failed',
    ExecutionStatus: 'execution_status',
    Correlation: 'correlation',
    ResultsFile: 'results_file',
    Truncated: 'truncated',
    Preflight: 'preflight'
};

;// CONCATENATED MODULE: ./src/core/untrusted.ts
// Text that came from a server (a message, an execution's name or status, an error body) is
// untrusted input. These pure functions make it safe to keep (the api key replaced by `***`, the
// length bounded) and safe where it is shown: one log line that the runner cannot read as a
// workflow command, or inert text in the job summary's Markdown and HTML.
/** The most of one piece of untrusted text shown in a log line or the summary. */
const TEXT_PIECE_LIMIT = 4 * 1024;
/** The longest start of `text` within `maxBytes` of UTF-8, never splitting a character. */
function cut(text, maxBytes) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= maxBytes)
        return { text, cut: false, bytes: bytes.length };
    return { text: cutUtf8(bytes, maxBytes), cut: true, bytes: bytes.length };
}
/** Says how much of a text was kept, e.g. `cut at 4 KiB of 37 KiB`. */
function cutNote(maxBytes, bytes) {
    return `cut at ${kib(maxBytes)} of ${kib(bytes)}`;
}
function kib(bytes) {
    return `${Math.ceil(bytes / 1024)} KiB`;
}
// Characters that end a line for the runner or a terminal, or that change how the rest of the
// line displays: C0 and C1 controls (tab excepted), DEL, the Unicode line and paragraph
// separators, and the bidirectional overrides.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
function escapeControl(char) {
    if (char === '\n')
        return '\\n';
    if (char === '\r')
        return '\\r';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/**
 * Untrusted text as part of one log line. Line breaks and other controls become visible escapes
 * (`\n`, `\u001b`), so the text can never start a line of its own, where the runner would obey a
 * `::command::`. The runner's older `##[command]` form counts anywhere in a line, so it is broken
 * up too. Longer texts are cut at `maxBytes` with a note.
 */
function forLog(text, maxBytes = TEXT_PIECE_LIMIT) {
    const { text: kept, cut: wasCut, bytes } = cut(text, maxBytes);
    const line = kept
        .replace(CONTROL, escapeControl)
        .replace(/##\[/g, '##\\[')
        // Only reachable if a caller puts the text at the start of a line; the runner trims the line
        // first, so leading spaces do not help.
        .replace(/^(\s*)::/, '$1\\::');
    return wasCut ? `${line} … (${cutNote(maxBytes, bytes)})` : line;
}
// HTML's specials and what Markdown could read as inline markup (emphasis, code, links, images,
// headings, tables, strike-through, math). As numeric references they read as the same characters
// in both languages but are never markup (CommonMark takes an entity as literal text). Characters
// that are markup only at the start of a line (`-`, `+`, `=`, `>`...) need nothing more, since the
// text never starts a line.
const MARKUP = /[&<>\\`*_{}[\]()#!|~$]/g;
const NAMED = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
function reference(char) {
    return NAMED[char] ?? `&#${char.charCodeAt(0)};`;
}
/**
 * Untrusted text for the job summary, inside an HTML element: inert as Markdown and as HTML, on
 * one source line (line breaks become `<br>`, so no blank line can end the surrounding HTML block
 * and start Markdown), cut at `maxBytes` with a note.
 */
function forSummary(text, maxBytes = TEXT_PIECE_LIMIT) {
    const { text: kept, cut: wasCut, bytes } = cut(text, maxBytes);
    const lines = kept
        .split(/\r\n|\r|\n|\u2028|\u2029/)
        .map(line => line.replace(CONTROL, escapeControl).replace(MARKUP, reference));
    const html = lines.join('<br>');
    return wasCut ? `${html} … <i>(${cutNote(maxBytes, bytes)})</i>` : html;
}
/**
 * Replaces every secret in `text` by `***`, in the forms a server is likely to echo it back, and
 * in any JSON string whose escapes (`\u0074k…`) spell it: decoding the result never gives a key.
 */
function redact(text, secrets) {
    const present = secrets.filter(secret => secret);
    let result = text;
    for (const secret of present) {
        // A JSON body carries the key escaped, a URL or query string carries it percent-encoded.
        const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
        for (const form of forms)
            result = result.split(form).join('***');
    }
    if (!present.length || !result.includes('\\'))
        return result;
    return result.replace(JSON_STRING, (literal, body, end) => body.includes('\\') ? (redactLiteral(body, end === '"', present) ?? literal) : literal);
}
// A JSON string literal: its body, then its closing quote, or the end of a text cut inside it.
const JSON_STRING = /"((?:[^"\\]|\\[\s\S])*)("|\\?$)/g;
/**
 * A JSON string literal rewritten without the secrets its decoded text holds; undefined when it
 * holds none or is not valid JSON. An unclosed one (the text was cut) stays unclosed.
 */
function redactLiteral(body, closed, secrets) {
    // An unclosed literal is read up to its last whole escape.
    const whole = closed ? body : body.replace(/\\(u[0-9a-fA-F]{0,3})?$/, '');
    let decoded;
    try {
        decoded = JSON.parse(`"${whole}"`);
    }
    catch {
        return undefined;
    }
    if (!secrets.some(secret => decoded.includes(secret)))
        return undefined;
    const kept = secrets.reduce((value, secret) => value.split(secret).join('***'), decoded);
    const rewritten = JSON.stringify(kept);
    return closed ? rewritten : rewritten.slice(0, -1);
}
/**
 * Drops a tail of `text` that could be the start of a secret: when a text is cut, a key that
 * straddled the cut would otherwise survive redaction in part.
 */
function dropSecretPrefix(text, secrets) {
    for (const secret of secrets) {
        for (let length = Math.min(secret.length - 1, text.length); length >= 4; length--) {
            if (text.endsWith(secret.slice(0, length)))
                return `${text.slice(0, -length)}***`;
        }
    }
    return text;
}
/** `text` cut to at most `maxBytes` bytes of UTF-8, with `note` after it when it was cut. */
function cutText(text, maxBytes, note = '… (cut)') {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= maxBytes)
        return text;
    return `${cutUtf8(bytes, maxBytes)}${note}`;
}
/** The first `maxBytes` bytes of `bytes` as text, never ending in half a character. */
function cutUtf8(bytes, maxBytes) {
    let end = Math.min(maxBytes, bytes.length);
    // Step back over continuation bytes (10xxxxxx) to the start of the character the cut split.
    if (end < bytes.length)
        while (end > 0 && (bytes[end] & 0xc0) === 0x80)
            end--;
    return bytes.subarray(0, end).toString('utf8');
}
/** The `response` output carries at most this many bytes of the answer's body. */
const RESPONSE_OUTPUT_LIMIT = 64 * 1024;
/** A body as the `response` output carries it: later steps read it, so it stays bounded. */
function responseOutput(body) {
    return cutText(body, RESPONSE_OUTPUT_LIMIT, '\n[refold-trigger: the response output is cut at 64 KiB; the answer was longer]');
}

;// CONCATENATED MODULE: ./src/core/hints.ts
// What to tell the author after Refold refuses an event: the likely cause and the next step.


/** What to check after a refusal (every 3xx and 4xx has one); undefined for a server error. */
function hintFor(error, apiKey, naming) {
    const { status, errorCode } = error.details;
    const named = (input) => naming.name(input);
    if (status === 401) {
        const kind = apiKey.startsWith('pk')
            ? 'a production key (pk…)'
            : apiKey.startsWith('tk')
                ? 'a test key (tk…)'
                : 'neither a production (pk…) nor a test (tk…) key';
        return (`Check ${named(Inputs.ApiKey)}: the key may be wrong, revoked, or from the other Refold ` +
            `environment (pk… production, tk… test). The key sent is ${kind}; use a current key of the ` +
            `environment where the event and the linked account exist.`);
    }
    if (status >= 200 && status < 300) {
        return `Check that ${named(Inputs.BaseUrl)} is Refold's API origin, such as https://api.gocobalt.io or https://app.refold.ai.`;
    }
    if (status === 404 && errorCode === 'INVALID_EVENT') {
        return `Check ${named(Inputs.Event)}: event names must match exactly, case included.`;
    }
    if (error.rateLimited) {
        return `Refold is rate limiting this key; raise ${named(Inputs.Retries)} or space out the runs.`;
    }
    if (status === 403) {
        return `Check that ${named(Inputs.ApiKey)} may fire events for ${named(Inputs.LinkedAccountId)}.`;
    }
    if (status === 404) {
        return (`Check that ${named(Inputs.BaseUrl)} is the Refold API's origin and that ${named(Inputs.LinkedAccountId)} ` +
            `exists in the environment of ${named(Inputs.ApiKey)}.`);
    }
    if (status === 400 || status === 422) {
        return (`Check the payload against the event's sample payload in Refold, and that ` +
            `${named(Inputs.LinkedAccountId)} and ${named(Inputs.ConfigId)} exist.`);
    }
    if (status >= 300 && status < 400) {
        return (`Set ${named(Inputs.BaseUrl)} to the address the API answers at: redirects are not followed, ` +
            `so the api key is never sent on to another host.`);
    }
    if (status < 500) {
        return `Check ${named(Inputs.ApiKey)}, ${named(Inputs.LinkedAccountId)} and ${named(Inputs.Event)} against Refold.`;
    }
    return undefined;
}
/**
 * The hint that names the events closest to `wanted` (server text, made safe for a log line), or
 * undefined when none is close: what the 404 INVALID_EVENT and the check before firing both say.
 */
function closestEventsHint(wanted, names) {
    const closest = closestEventNames(wanted, names);
    if (!closest.length)
        return undefined;
    return `Closest event names: ${closest.map(name => JSON.stringify(forLog(name))).join(', ')}.`;
}
/** The event names closest to `wanted`, best first: same name in another case, then small typos. */
function closestEventNames(wanted, names, count = 3) {
    const target = wanted.toLowerCase();
    return names
        .map(name => ({ name, distance: editDistance(target, name.toLowerCase()) }))
        .filter(({ distance, name }) => distance <= Math.max(2, Math.floor(name.length / 3)))
        .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
        .slice(0, count)
        .map(({ name }) => name);
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** A linked account's key can fire events but not list them; said on a 401 from any list. */
const ORG_KEY_HINT = 'The events, executions and linked-accounts lists need an org-level API key: a linked ' +
    "account's key can fire events but not list them.";

;// CONCATENATED MODULE: ./src/core/schema.ts
/** The largest schema used, as JSON. */
const MAX_SCHEMA_BYTES = 1024 * 1024;
/** The deepest nesting of objects and arrays a schema used may have. */
const MAX_SCHEMA_DEPTH = 100;
/** The most violations a failed check lists. */
const MAX_VIOLATIONS = 10;
/** The `format`s checked; any other is ignored, as the contract says. */
const CHECKED_FORMATS = [
    'date-time',
    'date',
    'email',
    'uri',
    'uuid',
    'ipv4',
    'ipv6'
];
const DRAFTS = new Map([
    ['json-schema.org/draft-04/schema', '4'],
    ['json-schema.org/draft-06/schema', '6'],
    ['json-schema.org/draft-07/schema', '7'],
    ['json-schema.org/draft/2019-09/schema', '2019-09'],
    ['json-schema.org/draft/2020-12/schema', '2020-12']
]);
// The validator knows no draft 6; draft 7 only added keywords (if/then/else, content*) to it.
const VALIDATOR_DRAFT = {
    '4': '4',
    '6': '7',
    '7': '7',
    '2019-09': '2019-09',
    '2020-12': '2020-12'
};
// Where a schema holds schemas: one, a list, or a map of names to schemas (`items` is one or a list).
const ONE_SCHEMA = new Set([
    'items',
    'additionalItems',
    'unevaluatedItems',
    'contains',
    'additionalProperties',
    'unevaluatedProperties',
    'propertyNames',
    'not',
    'if',
    'then',
    'else',
    'contentSchema'
]);
const SCHEMA_LIST = new Set(['items', 'prefixItems', 'allOf', 'anyOf', 'oneOf']);
const SCHEMA_MAP = new Set([
    '$defs',
    'definitions',
    'properties',
    'patternProperties',
    'dependentSchemas',
    'dependencies'
]);
const COUNTS = [
    'minLength',
    'maxLength',
    'minItems',
    'maxItems',
    'minProperties',
    'maxProperties',
    'minContains',
    'maxContains'
];
const TYPES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
// Not a URL anyone can reach: the base of a schema without an $id, so relative $ids resolve.
const ROOT_BASE = 'https://schema.invalid/root.json';
/**
 * Whether `schema` can be used to check a payload, and as which draft; if not, why not. Loads no
 * validator.
 */
function usableSchema(schema) {
    if (!isObject(schema))
        return unusable(`the schema is ${kindOf(schema)}, not a JSON object`);
    if (deeperThan(schema, MAX_SCHEMA_DEPTH)) {
        return unusable(`the schema nests deeper than ${MAX_SCHEMA_DEPTH} levels`);
    }
    const bytes = Buffer.byteLength(JSON.stringify(schema), 'utf8');
    if (bytes > MAX_SCHEMA_BYTES) {
        return unusable(`the schema is ${Math.ceil(bytes / 1024)} KiB as JSON, over 1 MiB`);
    }
    const named = schema.$schema;
    let draft = '2020-12';
    if (named !== undefined) {
        const found = typeof named === 'string' ? draftNamed(named) : undefined;
        if (!found) {
            return unusable(`the schema names $schema ${show(named)}, not draft 4, 6, 7, 2019-09 or 2020-12`);
        }
        draft = found;
    }
    const fault = schemaFault(schema);
    return fault ? unusable(fault) : { ok: true, draft };
}
/**
 * Checks the payload that would be sent (as its JSON) against `schema`: valid, the first
 * MAX_VIOLATIONS violations, or why the schema cannot be used. Loads the validator.
 */
async function checkPayload(schema, payload) {
    const use = usableSchema(schema);
    if (!use.ok)
        return { kind: 'unusable', reason: use.reason };
    // Loaded here only: a run that checks nothing never pays for the validator.
    const { dereference, validate } = await __nccwpck_require__.e(/* import() | json-schema */ 623).then(__nccwpck_require__.bind(__nccwpck_require__, 5647));
    const prepared = prepare(schema);
    let lookup;
    let instance;
    let errors;
    try {
        lookup = dereference(prepared.schema);
        const dangling = danglingRef(prepared.schema, lookup);
        if (dangling)
            return { kind: 'unusable', reason: dangling };
        // The check is of the body on the wire, which is this JSON (a Date is its string there).
        instance = JSON.parse(JSON.stringify(payload));
        errors = validate(instance, prepared.schema, VALIDATOR_DRAFT[use.draft], lookup, false).errors;
    }
    catch (error) {
        return { kind: 'unusable', reason: failureReason(error) };
    }
    if (errors.length === 0)
        return { kind: 'valid' };
    return {
        kind: 'invalid',
        violations: violationsOf(errors, { root: prepared.schema, lookup, instance, ...prepared })
    };
}
function unusable(reason) {
    return { ok: false, reason };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function own(value, key) {
    return Object.prototype.hasOwnProperty.call(value, key)
        ? value[key]
        : undefined;
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
/** Whether objects and arrays nest deeper than `limit` (the value itself is level 1). */
function deeperThan(value, limit) {
    if (typeof value !== 'object' || value === null)
        return false;
    if (limit === 0)
        return true;
    return Object.values(value).some(child => deeperThan(child, limit - 1));
}
function draftNamed(uri) {
    const bare = /^https?:\/\/(.*?)#?$/.exec(uri)?.[1];
    return bare === undefined ? undefined : DRAFTS.get(bare);
}
/** Schema text in a message: JSON, cut short. It is server data, never the payload. */
function show(value, max = 80) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
function pointerSegment(key) {
    return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}
// Keywords whose value is not a schema, whatever it holds.
const NOT_SCHEMAS = new Set([
    '$schema',
    '$id',
    'id',
    '$ref',
    '$anchor',
    '$dynamicRef',
    '$dynamicAnchor',
    '$recursiveRef',
    '$recursiveAnchor',
    '$vocabulary',
    '$comment',
    'title',
    'description',
    'default',
    'examples',
    'deprecated',
    'readOnly',
    'writeOnly',
    'type',
    'enum',
    'const',
    'required',
    'dependentRequired',
    'format',
    'pattern',
    'contentEncoding',
    'contentMediaType',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'multipleOf',
    'uniqueItems',
    ...COUNTS
]);
/** The places in a schema object that hold a schema, as far as their shape allows. */
function subschemaSlots(node, at) {
    const slots = [];
    for (const [keyword, value] of Object.entries(node)) {
        const here = `${at}/${pointerSegment(keyword)}`;
        if (SCHEMA_LIST.has(keyword) && Array.isArray(value)) {
            value.forEach((_, index) => slots.push({ holder: value, key: index, at: `${here}/${index}`, known: true }));
        }
        else if (ONE_SCHEMA.has(keyword)) {
            slots.push({ holder: node, key: keyword, at: here, known: true });
        }
        else if (SCHEMA_MAP.has(keyword) && isObject(value)) {
            for (const [name, inner] of Object.entries(value)) {
                // dependencies maps a name to a schema or (the draft 4-7 dependentRequired) to names
                if (keyword === 'dependencies' && Array.isArray(inner))
                    continue;
                slots.push({ holder: value, key: name, at: `${here}/${pointerSegment(name)}`, known: true });
            }
        }
        else if (!SCHEMA_LIST.has(keyword) &&
            !SCHEMA_MAP.has(keyword) &&
            !NOT_SCHEMAS.has(keyword) &&
            (isObject(value) || typeof value === 'boolean')) {
            slots.push({ holder: node, key: keyword, at: here, known: false });
        }
    }
    return slots;
}
/**
 * Calls `visit` on `node` and every schema object inside it, each with its base URI and whether
 * the drafts' keywords lead there (`known`), as opposed to an unknown keyword on the way.
 */
function walkSchemas(node, visit, at = '', parentBase = new URL(ROOT_BASE), known = true) {
    const base = baseOf(node, parentBase);
    visit(node, at, base, known);
    for (const slot of subschemaSlots(node, at)) {
        const inner = slot.holder[slot.key];
        if (isObject(inner))
            walkSchemas(inner, visit, slot.at, base, known && slot.known);
    }
}
/** The base URI inside `node`; undefined when an $id cannot be read as a URI reference. */
function baseOf(node, parentBase) {
    const id = own(node, '$id') ?? own(node, 'id');
    if (typeof id !== 'string' || id === '' || parentBase === undefined)
        return parentBase;
    let url;
    try {
        url = new URL(id, parentBase);
    }
    catch {
        return undefined;
    }
    // `#name` names a place (drafts 4-7); it starts no new document
    if (url.hash.length > 1)
        return parentBase;
    url.hash = '';
    return url;
}
function documentOf(url) {
    return url.href.replace(/#.*$/, '');
}
/** Why a schema object cannot be used, or undefined: the refs and the shapes of what is checked. */
function schemaFault(schema) {
    const documents = new Set();
    const refs = [];
    let fault;
    walkSchemas(schema, (node, at, base, known) => {
        if (base === undefined) {
            fault ??= `the $id at ${at || '/'} is not a URI reference`;
            return;
        }
        documents.add(documentOf(base));
        // An unknown keyword's object may be anything; it is only read if a $ref leads there.
        if (known)
            fault ??= shapeFault(node, at);
        const ref = own(node, '$ref');
        if (ref !== undefined) {
            if (typeof ref !== 'string')
                fault ??= `the $ref at ${at || '/'} is not a string`;
            else
                refs.push({ ref, at, target: ref.startsWith('#') ? undefined : targetOf(ref, base) });
        }
    });
    if (fault)
        return fault;
    for (const { ref, at, target } of refs) {
        if (!ref.startsWith('#') && (target === undefined || !documents.has(target))) {
            return `the $ref ${show(ref)} at ${at || '/'} points outside the schema (nothing is fetched)`;
        }
    }
    return undefined;
}
function targetOf(ref, base) {
    try {
        return documentOf(new URL(ref, base));
    }
    catch {
        return undefined;
    }
}
/** Why one schema object's keywords cannot be checked as written, or undefined. */
function shapeFault(node, at) {
    const where = (keyword) => `${at}/${pointerSegment(keyword)}`;
    const wrong = (keyword, what) => `the ${keyword} at ${where(keyword)} is not ${what}`;
    for (const [keyword, value] of Object.entries(node)) {
        if (SCHEMA_LIST.has(keyword) && keyword !== 'items' && !Array.isArray(value)) {
            return wrong(keyword, 'a list of schemas');
        }
        if (SCHEMA_MAP.has(keyword) && !isObject(value))
            return wrong(keyword, 'an object');
    }
    for (const slot of subschemaSlots(node, at)) {
        const inner = slot.holder[slot.key];
        if (slot.known && !isObject(inner) && typeof inner !== 'boolean') {
            return `the schema at ${slot.at} is not a schema`;
        }
    }
    const type = own(node, 'type');
    const types = Array.isArray(type) ? type : [type];
    if (type !== undefined && !types.every(name => typeof name === 'string' && TYPES.has(name))) {
        return wrong('type', 'a JSON type or a list of them');
    }
    const enumValues = own(node, 'enum');
    if (enumValues !== undefined && !Array.isArray(enumValues))
        return wrong('enum', 'a list');
    const required = own(node, 'required');
    if (required !== undefined && !isNameList(required))
        return wrong('required', 'a list of names');
    const dependentRequired = own(node, 'dependentRequired');
    if (dependentRequired !== undefined &&
        !(isObject(dependentRequired) && Object.values(dependentRequired).every(isNameList))) {
        return wrong('dependentRequired', 'an object of name lists');
    }
    for (const keyword of ['minimum', 'maximum', ...COUNTS]) {
        const value = own(node, keyword);
        if (value !== undefined && typeof value !== 'number')
            return wrong(keyword, 'a number');
    }
    for (const keyword of ['exclusiveMinimum', 'exclusiveMaximum']) {
        const value = own(node, keyword);
        if (value !== undefined && typeof value !== 'number' && typeof value !== 'boolean') {
            return wrong(keyword, 'a number');
        }
    }
    const multipleOf = own(node, 'multipleOf');
    if (multipleOf !== undefined && !(typeof multipleOf === 'number' && multipleOf > 0)) {
        return wrong('multipleOf', 'a positive number');
    }
    const pattern = own(node, 'pattern');
    if (pattern !== undefined && !isPattern(pattern))
        return wrong('pattern', 'a regular expression');
    const patternProperties = own(node, 'patternProperties');
    if (isObject(patternProperties)) {
        const bad = Object.keys(patternProperties).find(key => !isPattern(key));
        if (bad !== undefined) {
            return `the patternProperties at ${where('patternProperties')} has ${show(bad)}, not a regular expression`;
        }
    }
    const recursiveRef = own(node, '$recursiveRef');
    if (recursiveRef !== undefined && recursiveRef !== '#')
        return wrong('$recursiveRef', '"#"');
    if (own(node, '$dynamicRef') !== undefined) {
        return `the schema uses $dynamicRef (at ${where('$dynamicRef')}), which this check cannot follow`;
    }
    return undefined;
}
function isNameList(value) {
    return Array.isArray(value) && value.every(name => typeof name === 'string');
}
function isPattern(value) {
    if (typeof value !== 'string')
        return false;
    try {
        new RegExp(value, 'u');
        return true;
    }
    catch {
        return false;
    }
}
/**
 * A copy of the schema as the validator should see it: formats the contract does not check
 * removed (the validator would check more), and each `false` subschema made `{not: {}}` so a
 * violation of it carries where it is (the validator reports a bare `false` without its place).
 */
function prepare(schema) {
    const copy = structuredClone(schema);
    const refusals = new WeakSet();
    walkSchemas(copy, (node, at) => {
        const format = own(node, 'format');
        if (format !== undefined && !(typeof format === 'string' && CHECKED_FORMATS.includes(format))) {
            delete node.format;
        }
        for (const { holder, key } of subschemaSlots(node, at)) {
            const slots = holder;
            if (slots[key] === false) {
                const refusal = { not: {} };
                refusals.add(refusal);
                slots[key] = refusal;
            }
        }
    });
    return { schema: copy, refusals };
}
/** Why a $ref finds nothing in the schema, or undefined when every one does. */
function danglingRef(schema, lookup) {
    let dangling;
    walkSchemas(schema, (node, at) => {
        const ref = own(node, '$ref');
        if (typeof ref === 'string' &&
            dangling === undefined &&
            targetSchema(node, lookup) === undefined) {
            dangling = `the $ref ${show(ref)} at ${at || '/'} points to nothing in the schema`;
        }
    });
    return dangling;
}
function targetSchema(node, lookup) {
    const ref = node.__absolute_ref__ ?? node.$ref;
    return typeof ref === 'string' ? own(lookup, ref) : undefined;
}
function failureReason(error) {
    if (error instanceof RangeError) {
        return 'the payload nests too deep to check against this schema';
    }
    const text = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    if (/^Duplicate schema URI/.test(text))
        return 'the schema gives two of its parts the same $id';
    return `the check failed: ${text.length > 200 ? `${text.slice(0, 199)}…` : text}`;
}
const COMBINATORS = new Set(['anyOf', 'oneOf']);
// Units that only say "something inside failed": what failed is told by the units after them.
const WRAPPERS = new Set([
    '$ref',
    '$recursiveRef',
    'properties',
    'patternProperties',
    'additionalProperties',
    'unevaluatedProperties',
    'items',
    'prefixItems',
    'additionalItems',
    'unevaluatedItems',
    'allOf',
    'if',
    'dependentSchemas',
    'propertyNames'
]);
/**
 * The violations the validator's output units tell, in its order, de-duplicated, at most
 * MAX_VIOLATIONS. A failed anyOf/oneOf is told as one violation, unless one of its branches is
 * the one the payload meant (the others failed on type alone): then that branch's failures are.
 */
function violationsOf(units, context) {
    const choices = new Map();
    eachWithinChoices(units, (unit, enclosing) => {
        for (const choice of enclosing)
            noteBranch(choice, unit, context);
        if (COMBINATORS.has(unit.keyword)) {
            choices.set(unit, { unit, failed: new Map(), types: [] });
        }
    }, choices);
    for (const choice of choices.values())
        decide(choice, context);
    const found = new Map();
    eachWithinChoices(units, (unit, enclosing) => {
        if (found.size >= MAX_VIOLATIONS)
            return;
        if (!enclosing.every(choice => choice.open === branchOf(choice, unit)))
            return;
        const choice = choices.get(unit);
        const messages = choice ? choiceMessages(choice, context) : leafMessages(unit, context);
        for (const message of messages) {
            const violation = { pointer: payloadPointer(unit.instanceLocation), message };
            const key = `${violation.pointer}\u0000${message}`;
            if (!found.has(key) && found.size < MAX_VIOLATIONS)
                found.set(key, violation);
        }
    }, choices);
    return [...found.values()];
}
/**
 * Calls `visit` on each unit with the failed choices it lies inside. The validator lists a
 * choice's unit right before its branches' units, so the enclosing choices form a stack.
 */
function eachWithinChoices(units, visit, choices) {
    const stack = [];
    for (const unit of units) {
        while (stack.length > 0 && !encloses(stack[stack.length - 1].unit, unit))
            stack.pop();
        visit(unit, stack);
        const choice = choices.get(unit);
        if (choice)
            stack.push(choice);
    }
}
function encloses(outer, inner) {
    const instanceInside = inner.instanceLocation === outer.instanceLocation ||
        inner.instanceLocation.startsWith(`${outer.instanceLocation}/`);
    return instanceInside && inner.keywordLocation.startsWith(`${outer.keywordLocation}/`);
}
function branchOf(choice, unit) {
    const rest = unit.keywordLocation.slice(choice.unit.keywordLocation.length + 1);
    return Number(rest.split('/')[0]);
}
function noteBranch(choice, unit, context) {
    const branch = branchOf(choice, unit);
    const inBranch = keywordsOf(unit.keywordLocation.slice(choice.unit.keywordLocation.length))
        .slice(1)
        .map(step => step.keyword)
        .filter(keyword => keyword !== '$ref' && keyword !== '$recursiveRef');
    // A branch that failed on type alone (perhaps through a $ref) is one the payload did not mean.
    const onTypeAlone = unit.instanceLocation === choice.unit.instanceLocation &&
        (unit.keyword === 'type' ? inBranch.join('/') === 'type' : inBranch.length === 0);
    choice.failed.set(branch, (choice.failed.get(branch) ?? true) && onTypeAlone);
    if (onTypeAlone && unit.keyword === 'type') {
        const wants = own(schemaHolding(unit, context) ?? {}, 'type');
        for (const type of Array.isArray(wants) ? wants : [wants]) {
            if (typeof type === 'string' && !choice.types.includes(type))
                choice.types.push(type);
        }
    }
}
function decide(choice, context) {
    const branches = own(schemaHolding(choice.unit, context) ?? {}, choice.unit.keyword);
    if (!Array.isArray(branches) || choice.failed.size < branches.length)
        return;
    const meant = [...choice.failed].filter(([, typeAlone]) => !typeAlone);
    if (meant.length === 1)
        choice.open = meant[0][0];
}
function choiceMessages(choice, context) {
    const branches = own(schemaHolding(choice.unit, context) ?? {}, choice.unit.keyword);
    const count = Array.isArray(branches) ? branches.length : 0;
    const matches = count - choice.failed.size;
    if (matches > 0) {
        return [`must match exactly one of the ${count} schemas in oneOf, not ${matches}`];
    }
    if (choice.open !== undefined)
        return [];
    if ([...choice.failed.values()].every(Boolean) && choice.types.length > 0) {
        return [`must be ${orList(choice.types)}`];
    }
    const which = choice.unit.keyword === 'anyOf' ? 'at least one' : 'exactly one';
    return [`must match ${which} of the ${count} schemas in ${choice.unit.keyword}`];
}
/** The schema object whose keyword a unit reports, following the $refs its location went through. */
function schemaHolding(unit, context) {
    const segments = unit.keywordLocation.split('/').slice(1, -1);
    let node = context.root;
    for (const raw of segments) {
        if (!isObject(node) && !Array.isArray(node))
            return undefined;
        const segment = decodeSegment(raw);
        if (segment === '$ref' && isObject(node))
            node = targetSchema(node, context.lookup);
        else if (segment === '$recursiveRef' && isObject(node)) {
            const target = node.__absolute_recursive_ref__;
            node = target === undefined ? undefined : own(context.lookup, target);
        }
        else
            node = own(node, segment);
    }
    return isObject(node) ? node : undefined;
}
function decodeSegment(raw) {
    return decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
}
/** The validator's `#/a/b%20c` as the JSON Pointer `/a/b c`; `/` for the whole payload. */
function payloadPointer(location) {
    const pointer = decodeURIComponent(location.replace(/^#/, ''));
    return pointer === '' ? '/' : pointer;
}
function valueAt(instance, location) {
    let value = instance;
    for (const raw of location.split('/').slice(1)) {
        if (!isObject(value) && !Array.isArray(value))
            return undefined;
        value = own(value, decodeSegment(raw));
    }
    return value;
}
function leafMessages(unit, context) {
    if (WRAPPERS.has(unit.keyword))
        return [];
    const through = keywordsOf(unit.keywordLocation).map(step => step.keyword);
    // The items that miss a contains schema break nothing; the contains unit tells the array's fault.
    if (through.slice(0, -1).includes('contains'))
        return [];
    const messages = keywordMessages(unit, schemaHolding(unit, context) ?? {}, context);
    // Under propertyNames the value checked is a property's name, at the property's pointer.
    const ofName = through.includes('propertyNames');
    return ofName ? messages.map(message => `property name ${message}`) : messages;
}
/**
 * The keywords a keyword location passes through, each with the property name or index that
 * follows it (`#/properties/a/items/0/type` → properties a, items 0, type).
 */
function keywordsOf(location) {
    const segments = location.split('/').slice(1).map(decodeSegment);
    const steps = [];
    for (let index = 0; index < segments.length; index++) {
        const keyword = segments[index];
        const next = segments[index + 1];
        const takesMember = next !== undefined &&
            (SCHEMA_MAP.has(keyword) || (SCHEMA_LIST.has(keyword) && /^\d+$/.test(next)));
        steps.push(takesMember ? { keyword, member: segments[++index] } : { keyword });
    }
    return steps;
}
function keywordMessages(unit, node, context) {
    const value = own(node, unit.keyword);
    switch (unit.keyword) {
        case 'type':
            return [`must be ${orList((Array.isArray(value) ? value : [value]).map(String))}`];
        case 'const':
            return [`must be ${show(value)}`];
        case 'enum':
            return [`must be one of ${listOf(Array.isArray(value) ? value : [])}`];
        case 'required':
            return missing(value, valueAt(context.instance, unit.instanceLocation)).map(name => `missing required property ${name}`);
        case 'dependentRequired':
        case 'dependencies':
            return dependentMissing(value, valueAt(context.instance, unit.instanceLocation));
        case 'minProperties':
            return [`must have at least ${count(value, 'property', 'properties')}`];
        case 'maxProperties':
            return [`must have at most ${count(value, 'property', 'properties')}`];
        case 'minItems':
            return [`must have at least ${count(value, 'item', 'items')}`];
        case 'maxItems':
            return [`must have at most ${count(value, 'item', 'items')}`];
        case 'minLength':
            return [`must have at least ${count(value, 'character', 'characters')}`];
        case 'maxLength':
            return [`must have at most ${count(value, 'character', 'characters')}`];
        case 'uniqueItems':
            return ['must not have duplicate items'];
        case 'contains':
            return ['must contain an item that matches its contains schema'];
        case 'minContains':
            return [`must contain at least ${count(value, 'item', 'items')} matching its contains schema`];
        case 'maxContains':
            return [`must contain at most ${count(value, 'item', 'items')} matching its contains schema`];
        case 'minimum':
            return [`must be ${own(node, 'exclusiveMinimum') === true ? '>' : '>='} ${show(value)}`];
        case 'maximum':
            return [`must be ${own(node, 'exclusiveMaximum') === true ? '<' : '<='} ${show(value)}`];
        case 'exclusiveMinimum':
            return [`must be > ${show(value)}`];
        case 'exclusiveMaximum':
            return [`must be < ${show(value)}`];
        case 'multipleOf':
            return [`must be a multiple of ${show(value)}`];
        case 'pattern':
            return [`must match pattern ${typeof value === 'string' ? schema_cutText(value, 120) : show(value)}`];
        case 'format':
            return [`must match format ${String(value)}`];
        case 'not':
            return [context.refusals.has(node) ? refusal(unit) : 'must not match its not schema'];
        default:
            return [`does not satisfy ${unit.keyword}`];
    }
}
/** What a `false` schema refuses, told by the keyword it stands under. */
function refusal(unit) {
    const steps = keywordsOf(unit.keywordLocation);
    const holder = steps[steps.length - 2]?.keyword;
    if (holder === 'properties' ||
        holder === 'patternProperties' ||
        holder === 'additionalProperties' ||
        holder === 'unevaluatedProperties') {
        return 'is not an allowed property';
    }
    if (holder === 'items' ||
        holder === 'prefixItems' ||
        holder === 'additionalItems' ||
        holder === 'unevaluatedItems') {
        return 'is not an allowed item';
    }
    return 'is not allowed here';
}
function missing(required, value) {
    if (!Array.isArray(required) || !isObject(value))
        return [];
    return required.filter(name => typeof name === 'string' && !Object.prototype.hasOwnProperty.call(value, name));
}
function dependentMissing(dependencies, value) {
    if (!isObject(dependencies) || !isObject(value))
        return [];
    const messages = [];
    for (const [present, needed] of Object.entries(dependencies)) {
        if (!Object.prototype.hasOwnProperty.call(value, present) || !Array.isArray(needed))
            continue;
        for (const name of missing(needed, value)) {
            messages.push(`missing property ${name}, required when ${present} is present`);
        }
    }
    return messages;
}
function count(value, one, many) {
    return `${show(value)} ${value === 1 ? one : many}`;
}
function orList(items) {
    return items.length <= 1
        ? (items[0] ?? '')
        : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
function listOf(values) {
    const shown = values.slice(0, 8).map(value => show(value, 40));
    return values.length > 8 ? `${shown.join(', ')}, … (${values.length} in all)` : shown.join(', ');
}
function schema_cutText(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

;// CONCATENATED MODULE: ./src/core/preflight.ts





/** A check that failed: nothing was fired. `code` is the `error_code` output. */
class PreflightError extends Error {
    code;
    violations;
    name = 'PreflightError';
    constructor(message, code, 
    /** Each place the payload breaks the schema: a JSON Pointer and what the schema wants. */
    violations = []) {
        super(message);
        this.code = code;
        this.violations = violations;
    }
}
/**
 * The check, when this run makes it: `auto` when it names more than one account (counted before
 * shard: a list, a file, `*`), waits, or is a dry run; `true` always; `false` never. A dry run
 * without a key cannot check (`true` without a key is an input error, in settings).
 */
async function checkBeforeFiring(ctx, accounts, payload) {
    const { settings } = ctx;
    if (settings.preflight === 'never')
        return { status: 'off' };
    if (settings.preflight === 'auto') {
        const several = accounts.kind !== 'list' || accounts.accounts.length > 1;
        if (!several && !settings.wait && !settings.dryRun)
            return { status: 'off' };
        if (settings.dryRun && !settings.apiKey) {
            ctx.log.notice('Dry run without an api key: the event and the payload were not checked against Refold.');
            return { status: 'skipped' };
        }
    }
    return check(ctx, payload);
}
async function check(ctx, payload) {
    const { event } = ctx.settings;
    const strict = ctx.settings.preflight === 'always';
    /** The check could not be made: `auto` goes on with a warning, `true` fails. */
    const cannotCheck = (why) => {
        const message = `Could not check the payload before firing: ${why}`;
        if (strict) {
            return {
                status: 'failed',
                failure: new PreflightError(`${message}; ${ctx.naming.setting(Inputs.Preflight)} is true, so nothing was fired.`, 'PREFLIGHT_UNAVAILABLE')
            };
        }
        ctx.log.warning(`${message}. Firing without the check.`);
        return { status: 'skipped' };
    };
    let events;
    try {
        events = (await ctx.events()).value;
    }
    catch (error) {
        return cannotCheck(listFailure(error));
    }
    const entry = events.find(candidate => candidate.name === event);
    if (!entry) {
        const closest = closestEventsHint(event, events.map(candidate => candidate.name));
        const names = closest ? ` ${closest}` : '';
        return {
            status: 'failed',
            failure: new PreflightError(`Event "${event}" is not in the org's events list in Refold, so nothing was fired. ` +
                `Check ${ctx.naming.setting(Inputs.Event)}: names must match exactly, case included.${names}`, 'INVALID_EVENT')
        };
    }
    if (entry.json_schema === undefined || entry.json_schema === null) {
        ctx.log.notice(`Event "${event}" has no payload schema in Refold: the payload was not checked.`);
        return { status: 'no_schema' };
    }
    const check = await checkPayload(entry.json_schema, payload);
    if (check.kind === 'unusable')
        return cannotCheck(`the event's schema cannot be used: ${forLog(check.reason)}`);
    if (check.kind === 'valid') {
        ctx.log.info(`The payload matches the schema of event "${event}".`);
        return { status: 'passed' };
    }
    const lines = check.violations.map(v => `${v.pointer} ${forLog(v.message)}`);
    return {
        status: 'failed',
        failure: new PreflightError(`The payload does not match the schema of event "${event}" in Refold, so nothing was ` +
            `fired: ${lines.join('; ')}`, 'PAYLOAD_INVALID', lines)
    };
}
/** Why the events list could not be read, in a few words. */
function listFailure(error) {
    const last = error instanceof CallFailed ? error.last : undefined;
    if (last instanceof RefoldApiError && (last.status === 401 || last.status === 403)) {
        return `Refold refused to list the events (HTTP ${last.status}); listing them needs an org-level API key`;
    }
    if (last instanceof RefoldApiError && last.status === 404) {
        return 'this Refold does not list events (HTTP 404)';
    }
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/core/answers.ts


/** Server text quoted in a message (Refold's `message`, `error_code`…) is cut at this many bytes. */
const MESSAGE_TEXT_LIMIT = 1024;
/** The page to read after `page`: the one the answer names, or the next one when it names none. */
function pageAfter(page, paging) {
    return paging.nextPage && paging.nextPage > page ? paging.nextPage : page + 1;
}
/** The docs and paging fields of a page of any list, checked; or what is wrong with them. */
function readPage(json) {
    if (!isRecord(json) || !Array.isArray(json.docs))
        return 'expected an object with a docs array';
    const { hasNextPage, nextPage, totalDocs } = json;
    if (hasNextPage != null && typeof hasNextPage !== 'boolean') {
        return `hasNextPage is ${typeName(hasNextPage)}, not true or false`;
    }
    if (nextPage != null && !(Number.isSafeInteger(nextPage) && nextPage > 0)) {
        return `nextPage is ${typeName(nextPage)}, not a page number`;
    }
    return {
        docs: json.docs,
        paging: {
            hasNextPage: hasNextPage === true,
            nextPage: nextPage,
            ...(Number.isSafeInteger(totalDocs) && totalDocs >= 0
                ? { totalDocs: totalDocs }
                : {})
        }
    };
}
/** What the events list answer holds; an entry without a text id and name is skipped. */
function readEvents(json) {
    if (!Array.isArray(json))
        return 'expected an array of events';
    return json.filter((event) => isRecord(event) && typeof event._id === 'string' && typeof event.name === 'string');
}
/**
 * A page of the executions list, or what is wrong with it. Only the page itself must have the
 * documented shape: a doc that is not an object is dropped, and a field of another type is left
 * out, since one odd doc of another event must not break the page.
 */
function readExecutionPage(json) {
    const page = readPage(json);
    if (typeof page === 'string')
        return page;
    return { docs: page.docs.filter(isRecord).map(listedExecution), ...page.paging };
}
function listedExecution(doc) {
    const text = (value) => typeof value === 'string' ? value : undefined;
    const workflow = isRecord(doc.associated_workflow) ? doc.associated_workflow : undefined;
    return dropUndefined({
        _id: text(doc._id),
        name: text(doc.name),
        status: text(doc.status),
        associated_event_id: text(doc.associated_event_id),
        custom_trigger_id: text(doc.custom_trigger_id),
        associated_workflow: workflow && (text(workflow._id) ?? text(workflow.name)) !== undefined
            ? dropUndefined({ _id: text(workflow._id), name: text(workflow.name) })
            : undefined,
        config_id: text(doc.config_id),
        instance_tag: text(doc.instance_tag),
        createdAt: text(doc.createdAt),
        completion_time: text(doc.completion_time)
    });
}
/**
 * A matched execution checked, or what is wrong with it: it needs an id and a readable
 * `createdAt`. A status that cannot be read is left undefined (the gate counts it as failed).
 */
function readExecution(listed) {
    if (!listed._id)
        return 'has no _id';
    if (listed.createdAt === undefined)
        return 'has no createdAt';
    const created = parseTimestamp(listed.createdAt);
    if (Number.isNaN(created))
        return 'has a createdAt that is not a date';
    const status = listed.status?.trim().toUpperCase();
    const finished = parseTimestamp(listed.completion_time ?? '');
    return dropUndefined({
        _id: listed._id,
        status: status || undefined,
        createdAt: listed.createdAt,
        created,
        name: listed.name,
        associated_workflow: listed.associated_workflow,
        completion_time: listed.completion_time,
        finished: Number.isNaN(finished) ? undefined : finished
    });
}
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;
/**
 * An ISO 8601 timestamp in ms since the epoch, NaN when `text` is not one. A time without a zone
 * is UTC (Date.parse would take it as the runner's local time).
 */
function parseTimestamp(text) {
    const match = TIMESTAMP.exec(text.trim());
    if (!match)
        return NaN;
    const [, date, time, zone] = match;
    if (!time)
        return Date.parse(`${date}T00:00:00Z`);
    const offset = zone?.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') ?? 'Z';
    return Date.parse(`${date}T${time}${offset}`);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A value's kind for an error message; never the value, which may be long or hostile. */
function typeName(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (value === undefined)
        return 'missing';
    if (value === '')
        return 'empty';
    const kind = typeof value;
    return kind === 'object' ? 'an object' : `a ${kind}`;
}
function dropUndefined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
/** A non-2xx answer as the author should read it, whatever shape the body has. */
function parseApiError(answer, action, host) {
    const json = readJson(answer.body);
    const text = (key) => {
        const value = json?.[key];
        return typeof value === 'string' && value.trim()
            ? cutText(value.trim(), MESSAGE_TEXT_LIMIT)
            : undefined;
    };
    const retryAfter = answer.headers['retry-after'];
    return new RefoldApiError({
        action,
        host,
        status: answer.status,
        httpErrorType: text('http_error_type'),
        errorCode: text('error_code') ?? text('error') ?? text('error_type'),
        errorText: text('error'),
        refoldMessage: text('message') ?? (json ? undefined : describeBody(answer.body)),
        requestId: text('request_id') ?? headerText(answer.headers['x-request-id']),
        body: answer.body,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter
    });
}
function headerText(value) {
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : cutText(first, MESSAGE_TEXT_LIMIT);
}
function readJson(body) {
    try {
        const value = JSON.parse(body);
        return typeof value === 'object' && value !== null ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** A short description of a body that is not Refold's JSON: empty, an HTML error page, or text. */
function describeBody(body) {
    const trimmed = body.trim();
    if (!trimmed)
        return 'an empty body';
    if (/^<(!doctype|html)/i.test(trimmed)) {
        const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
        return `an HTML page${title ? ` ("${cutText(title, 200)}")` : ''}, likely from a proxy or load balancer`;
    }
    const oneLine = trimmed.replace(/\s+/g, ' ');
    return JSON.stringify(oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine);
}
/** A MalformedAnswerError for an answer whose body is not what `action` expects. */
function malformed(answer, action, host, problem) {
    return new MalformedAnswerError({ action, host, status: answer.status, refoldMessage: problem, body: answer.body }, problem);
}
const FAILED_NODE_STATUSES = /^(ERRORED|FAILED|TIMED_OUT|TERMINATED|STOPPED|ERROR)$/i;
/** GET /execution/{id}; its `nodes` vary in structure, so only text fields are taken from them. */
function readExecutionDetail(json) {
    if (!isRecord(json))
        return 'expected an execution object';
    if (typeof json._id !== 'string' || !json._id)
        return `_id is ${typeName(json._id)}, not a text`;
    const text = (value) => typeof value === 'string' && value.trim() ? value.trim() : undefined;
    const errorText = (record) => {
        const error = record.error;
        return (text(error) ??
            (isRecord(error) ? text(error.message) : undefined) ??
            text(record.error_message) ??
            text(record.message));
    };
    const detail = { _id: json._id };
    if (text(json.name))
        detail.name = text(json.name);
    if (text(json.status))
        detail.status = text(json.status);
    const error = errorText(json);
    if (error)
        detail.error = error;
    const nodes = Array.isArray(json.nodes) ? json.nodes.filter(isRecord) : [];
    const failed = nodes.find(node => FAILED_NODE_STATUSES.test(text(node.status) ?? ''));
    if (failed) {
        detail.failedNode = { name: text(failed.name) ?? text(failed.node_name) ?? '(unnamed step)' };
        const nodeError = errorText(failed);
        if (nodeError)
            detail.failedNode.error = nodeError;
    }
    return detail;
}
function readLinkedAccountPage(json) {
    const page = readPage(json);
    if (typeof page === 'string')
        return page;
    const accounts = [];
    for (const [index, doc] of page.docs.entries()) {
        const id = isRecord(doc) ? doc.account_id : undefined;
        if (typeof id !== 'string' || !id) {
            return `docs[${index}].account_id is ${typeName(id)}, not a text`;
        }
        accounts.push(id);
    }
    return { accounts, ...page.paging };
}

;// CONCATENATED MODULE: ./src/core/retry.ts
// The retry policy: which failures are worth another attempt, how long to wait before it, and when
// to give up. Time is injected so the policy is tested in milliseconds, not seconds.

const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise(resolve => {
        // Cleared on abort, so a cancelled wait leaves no timer holding the process open.
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
    }),
    random: () => Math.random()
};
/** Sleeps `ms` on `clock`, or less: it ends, without error, as soon as `signal` aborts. */
function sleepUnlessAborted(clock, ms, signal) {
    if (signal.aborted)
        return Promise.resolve();
    return new Promise(resolve => {
        const done = () => {
            signal.removeEventListener('abort', done);
            resolve();
        };
        signal.addEventListener('abort', done, { once: true });
        clock.sleep(ms, signal).then(done, done);
    });
}
const ABORTED = Symbol('aborted');
/**
 * `work`'s value, or ABORTED as soon as `signal` aborts; `work` is then left to itself. It listens
 * to the signal only while it waits: a race with a promise that lives as long as the run would
 * keep every answer reachable until the run ends.
 */
function untilAborted(work, signal) {
    return new Promise((resolve, reject) => {
        const aborted = () => resolve(ABORTED);
        if (signal.aborted)
            return aborted();
        signal.addEventListener('abort', aborted, { once: true });
        // A failure after the abort settles nothing: the promise already resolved.
        work.then(resolve, reject).finally(() => signal.removeEventListener('abort', aborted));
    });
}
function retryPolicy(retries) {
    return { retries, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };
}
const RETRYABLE_STATUSES = [408, 429, 500, 502, 503, 504];
function isRetryable(error) {
    if (error instanceof NetworkError)
        return true;
    if (!(error instanceof RefoldApiError))
        return false;
    if (error instanceof MalformedAnswerError)
        return true;
    return RETRYABLE_STATUSES.includes(error.status) || error.rateLimited;
}
/**
 * Retry-After in milliseconds; undefined when absent or not one of RFC 9110's two forms, so the
 * caller falls back to backoff. A lenient date parser would read "1.5", "-1" or "2, 3" as dates
 * long past and retry at once, so only delay-seconds and an HTTP-date, both matched exactly, count.
 */
function parseRetryAfter(value, now) {
    const trimmed = value?.trim() ?? '';
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = parseHttpDate(trimmed, now);
    // A date already past means the wait is over.
    return date === undefined ? undefined : Math.max(0, date - now);
}
const DAY_NAMES = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const LONG_DAY_NAMES = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = MONTHS.join('|');
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// RFC 9110 section 5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient
// still accepts. Names are case-sensitive there, and so are they here.
const IMF_FIXDATE = new RegExp(`^(?:${DAY_NAMES}), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^(?:${LONG_DAY_NAMES}), (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^(?:${DAY_NAMES}) (${MONTH}) ([ \\d]\\d) ${TIME} (\\d{4})$`);
/** An HTTP-date in ms since the epoch, or undefined unless `text` is exactly one of its forms. */
function parseHttpDate(text, now) {
    let parts;
    let match;
    if ((match = IMF_FIXDATE.exec(text))) {
        const [, day, month, year, ...time] = match;
        parts = { day, month, year: Number(year), time };
    }
    else if ((match = RFC_850.exec(text))) {
        const [, day, month, year, ...time] = match;
        parts = { day, month, year: twoDigitYear(Number(year), now), time };
    }
    else if ((match = ASCTIME.exec(text))) {
        const [, month, day, hours, minutes, secs, year] = match;
        parts = { day: day.trim(), month, year: Number(year), time: [hours, minutes, secs] };
    }
    else {
        return undefined;
    }
    const day = Number(parts.day);
    const month = MONTHS.indexOf(parts.month);
    const [hours, minutes, secs] = parts.time.map(Number);
    // Second 60 is a leap second; Date.UTC carries it into the next minute.
    if (day < 1 || hours > 23 || minutes > 59 || secs > 60)
        return undefined;
    const midnight = new Date(Date.UTC(parts.year, month, day));
    // 31 Feb would roll over into March.
    if (midnight.getUTCDate() !== day || midnight.getUTCFullYear() !== parts.year)
        return undefined;
    return Date.UTC(parts.year, month, day, hours, minutes, secs);
}
/** RFC 9110: a two-digit year more than 50 years ahead is the latest past year ending so. */
function twoDigitYear(year, now) {
    const thisYear = new Date(now).getUTCFullYear();
    const candidate = Math.floor(thisYear / 100) * 100 + year;
    return candidate > thisYear + 50 ? candidate - 100 : candidate;
}
/** Exponential backoff with jitter: retry n (1-based) waits between half and all of base·2^(n-1), capped. */
function backoffDelay(retry, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
    return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
/**
 * Runs `attempt` until it succeeds, fails in a way not worth retrying, or the policy gives up.
 * Either failure is thrown as CallFailed, which carries every attempt and the last failure.
 */
async function withRetry(attempt, policy, clock, hooks) {
    const allowed = policy.retries + 1;
    const attempts = [];
    for (let made = 1;; made++) {
        try {
            const value = await attempt();
            attempts.push({ outcome: hooks.outcomeOf?.(value) ?? 'succeeded' });
            return { value, attempts };
        }
        catch (error) {
            // A retry the run's cancel kept from going out: the caller needs the attempts before it.
            if (error instanceof NotStarted)
                throw new NotStarted(attempts);
            if (!(error instanceof RefoldApiError || error instanceof NetworkError))
                throw error;
            attempts.push({ outcome: attemptOutcome(error) });
            if (!isRetryable(error))
                throw new CallFailed(error, attempts);
            const asked = error instanceof RefoldApiError
                ? parseRetryAfter(error.details.retryAfter, clock.now())
                : undefined;
            if (asked !== undefined && asked > policy.maxRetryAfterMs) {
                throw new CallFailed(error, attempts, `Refold asked to wait ${seconds(asked)} before retrying (Retry-After), longer than the ` +
                    `${seconds(policy.maxRetryAfterMs)} this action waits; gave up after ${plural(made, 'attempt')}`);
            }
            if (made >= allowed) {
                throw new CallFailed(error, attempts, `Gave up after ${plural(made, 'attempt')}`);
            }
            const delay = asked ?? backoffDelay(made, policy, clock.random());
            attempts[attempts.length - 1].waitMs = delay;
            if (error instanceof RefoldApiError && error.rateLimited)
                hooks.onRateLimited?.(delay);
            hooks.onRetry(`Attempt ${made} of ${allowed} failed: ${error.message}. Retrying in ${seconds(delay)}.`);
            await clock.sleep(delay, hooks.signal);
        }
    }
}
function attemptOutcome(error) {
    if (error instanceof NetworkError)
        return error.reason;
    if (error instanceof MalformedAnswerError)
        return `HTTP ${error.status}, an answer of the wrong shape`;
    const code = error.details.errorCode ?? error.details.httpErrorType;
    return `HTTP ${error.status}${code ? ` ${code}` : ''}`;
}
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(1))} s`;
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/core/wait.ts
// Waiting for the workflow executions an accepted event started, and the gate's verdict on them.
// The trigger answer names no execution, so they are found by correlation: the same event id, the
// same config when one was given, our `instance_tag` when Refold carries it back, else created at
// or after the answer's Date (the server's clock). Best effort by nature; see docs/correlation.md.





/**
 * How long each workflow took, across the waits of one run, and which of its executions are in
 * progress. A wait whose execution is younger than one still in progress elsewhere leaves the
 * timing to that older one's wait and polls once its duration is known: the fan-out then costs
 * about two polls per account, not one per doubling step.
 */
class DurationsSeen {
    workflows = new Map();
    /** The longest duration seen for `workflow`, in ms. */
    longest(workflow) {
        return this.workflows.get(workflow)?.longest;
    }
    /** An execution of `workflow` seen in progress; `created` on the server's clock. */
    running(workflow, id, created) {
        this.entry(workflow).running.set(id, created);
    }
    /** An execution of `workflow` seen finished, having taken `durationMs` at most. */
    finished(workflow, id, durationMs) {
        const entry = this.entry(workflow);
        entry.running.delete(id);
        const first = entry.longest === undefined;
        entry.longest = Math.max(entry.longest ?? 0, durationMs);
        if (first)
            this.changed(entry);
    }
    /** A wait that ends no longer times the executions it saw in progress. */
    withdraw(workflow, id) {
        const entry = this.workflows.get(workflow);
        if (entry?.running.delete(id) && entry.longest === undefined)
            this.changed(entry);
    }
    /** Whether an execution of `workflow` created before `created` is in progress, as last seen. */
    olderRunning(workflow, created) {
        for (const other of this.workflows.get(workflow)?.running.values() ?? []) {
            if (other < created)
                return true;
        }
        return false;
    }
    /** Aborted when `workflow`'s duration becomes known, or an execution timing it is withdrawn. */
    signal(workflow) {
        return this.entry(workflow).changed.signal;
    }
    entry(workflow) {
        let entry = this.workflows.get(workflow);
        if (!entry) {
            entry = { running: new Map(), changed: new AbortController() };
            this.workflows.set(workflow, entry);
        }
        return entry;
    }
    changed(entry) {
        entry.changed.abort();
        entry.changed = new AbortController();
    }
}
const IN_PROGRESS = new Set(['RUNNING', 'QUEUED', 'STOPPING']);
const SUCCEEDED = new Set(['COMPLETED', 'DUPLICATE']);
const STATUS_MISSING = 'status missing';
const PAGE_SIZE = 50;
/** Pages are read newest first, so if this bound is ever hit, what is dropped is the oldest. */
const MAX_PAGES = 20;
/** Most workflows are short: look soon, then back off to `wait_interval`. */
const FIRST_POLL_MS = 1000;
/** A poll timed from a duration seen comes this long after the expected finish. */
const FINISH_MARGIN_MS = 1000;
/** `start_date` is this much before t0, so a server clock a little behind ours still lists them. */
const START_DATE_MARGIN_MS = 60_000;
const MAX_DETAILS = 5;
/**
 * Waits for the executions the trigger for `account` started, tagged `instanceTag` (empty: none
 * was sent). The verdict comes once at least one execution was seen and every one seen finished:
 * with `expected_workflows`, when that many were seen; else on a poll made `wait_settle` after
 * the trigger that finds nothing new. Polls come 1 s after the trigger, then 2, 4, 8 … s apart
 * up to `wait_interval`, none before `wait_settle` once an execution was seen, and none before a
 * running workflow is expected to finish, from the durations seen.
 */
async function waitForExecutions(ctx, account, answer, instanceTag) {
    const wait = new AccountWait(ctx, account, answer, instanceTag);
    try {
        return await wait.run();
    }
    finally {
        wait.withdraw();
    }
}
class AccountWait {
    ctx;
    account;
    tag;
    started;
    deadline;
    settleAt;
    /** t0: the server's clock when it accepted the trigger. */
    since;
    durations;
    seen = new Map();
    warned = new Set();
    tally = { polls: 0, requests: 0 };
    startDate;
    eventId = '';
    lastPoll;
    warnedExtra = false;
    constructor(ctx, account, answer, tag) {
        this.ctx = ctx;
        this.account = account;
        this.tag = tag;
        const { clock, settings } = ctx;
        this.started = clock.now();
        this.lastPoll = this.started;
        this.deadline = this.started + settings.waitTimeoutMs;
        this.settleAt = this.started + settings.waitSettleMs;
        // The server's clock, so a runner whose clock drifts still ignores older executions.
        const serverDate = Date.parse(String(answer.headers.date ?? ''));
        this.since = Number.isNaN(serverDate) ? this.started - 1000 : serverDate;
        this.startDate = new Date(this.since - START_DATE_MARGIN_MS).toISOString();
        this.durations = ctx.durations ?? new DurationsSeen();
    }
    async run() {
        const { settings, clock, signal, log } = this.ctx;
        try {
            const events = await untilAborted(this.ctx.events(), signal);
            if (events === ABORTED)
                return this.end({ by: 'cancel' });
            const event = events.value.find(e => e.name === settings.event);
            if (!event) {
                const reason = `event "${settings.event}" is not in the events list, so its executions cannot be found`;
                return this.end({ by: 'failure', reason });
            }
            this.eventId = event._id;
        }
        catch (error) {
            const hint = orgKeyHint(error);
            const reason = `could not look up the event's id: ${failureText(error, hint)}`;
            return this.end({ by: 'failure', reason, hint });
        }
        const expected = settings.expectedWorkflows;
        log.info(`Waiting up to ${settings.waitTimeoutMs / 1000} s for the workflow executions of "${settings.event}" ` +
            `(polling from 1 s after the trigger, backing off to every ${settings.waitIntervalMs / 1000} s; ` +
            (expected === undefined
                ? `no verdict before ${settings.waitSettleMs / 1000} s after the trigger)`
                : `until ${expected} workflow execution${expected === 1 ? ' has' : 's have'} finished)`));
        let gap = Math.min(FIRST_POLL_MS, settings.waitIntervalMs);
        for (;;) {
            for (;;) {
                const { at, watch } = this.plan(gap);
                const now = clock.now();
                if (at <= now)
                    break;
                await this.sleep(at - now, watch);
                if (signal.aborted)
                    return this.end({ by: 'cancel' });
                if (clock.now() >= at)
                    break;
            }
            const pollStarted = clock.now();
            let listed;
            try {
                listed = await untilAborted(this.poll(), signal);
            }
            catch (error) {
                const hint = orgKeyHint(error);
                const reason = `could not poll the executions: ${failureText(error, hint)}`;
                return this.end({ by: 'failure', reason, hint });
            }
            if (listed === ABORTED)
                return this.end({ by: 'cancel' });
            this.lastPoll = clock.now();
            const foundNew = this.absorb(listed);
            if (this.decided(pollStarted, foundNew))
                return this.end({ by: 'verdict' });
            if (clock.now() >= this.deadline)
                return this.end({ by: 'deadline' });
            gap = Math.min(gap * 2, settings.waitIntervalMs);
        }
    }
    /** Sleeps `ms`, or less: until the run is cancelled or one of `watch` aborts. */
    async sleep(ms, watch) {
        const wake = new AbortController();
        const signals = [this.ctx.signal, ...watch];
        const stop = () => wake.abort();
        for (const signal of signals)
            signal.addEventListener('abort', stop, { once: true });
        if (signals.some(signal => signal.aborted))
            stop();
        try {
            await sleepUnlessAborted(this.ctx.clock, ms, wake.signal);
        }
        finally {
            // The run's signal outlives this sleep: leave no listener on it.
            for (const signal of signals)
                signal.removeEventListener('abort', stop);
        }
    }
    /** The executions this wait saw in progress no longer time anyone else's polls. */
    withdraw() {
        for (const [id, seen] of this.seen) {
            if (IN_PROGRESS.has(seen.summary.status))
                this.durations.withdraw(seen.workflow, id);
        }
    }
    /**
     * When to poll next, `gap` after the last poll at the earliest, and the signals that may bring
     * that forward. Once something was seen, no poll before wait_settle (none could give the
     * verdict) unless wait_interval is shorter; and none before the earliest expected finish of the
     * running executions when every one of them has one: from the longest duration seen of its
     * workflow, or, while an older execution of its workflow is in progress elsewhere, once that
     * one's duration is known. Only the last may leave more than wait_interval between polls.
     */
    plan(gap) {
        const { expectedWorkflows, waitIntervalMs } = this.ctx.settings;
        let at = this.lastPoll + gap;
        const all = [...this.seen.values()];
        if (all.length && expectedWorkflows === undefined) {
            at = Math.max(at, Math.min(this.settleAt, this.lastPoll + waitIntervalMs));
        }
        const watch = [];
        let earliest = Infinity;
        let unknown = false;
        const running = all.filter(s => IN_PROGRESS.has(s.summary.status));
        for (const seen of running) {
            const longest = this.durations.longest(seen.workflow);
            if (longest !== undefined) {
                const finish = this.onOurClock(seen.created + longest) + FINISH_MARGIN_MS;
                // Still running after its expected finish: nothing tells when it ends.
                if (finish > this.lastPoll)
                    earliest = Math.min(earliest, finish);
                else
                    unknown = true;
            }
            else if (this.durations.olderRunning(seen.workflow, seen.created)) {
                watch.push(this.durations.signal(seen.workflow));
            }
            else {
                unknown = true;
            }
        }
        if (running.length && !unknown)
            at = Math.max(at, earliest);
        return { at: Math.min(at, this.deadline), watch };
    }
    /** Whether the poll that started at `pollStarted` gives the verdict. */
    decided(pollStarted, foundNew) {
        const all = [...this.seen.values()];
        if (!all.length || all.some(s => IN_PROGRESS.has(s.summary.status)))
            return false;
        const expected = this.ctx.settings.expectedWorkflows;
        if (expected !== undefined)
            return all.length >= expected;
        return pollStarted >= this.settleAt && !foundNew;
    }
    /** Every execution the query lists, newest first; without start_date once Refold refused it. */
    async poll() {
        this.tally.polls++;
        try {
            return await this.list();
        }
        catch (error) {
            if (this.startDate === undefined || !isQueryRefusal(error))
                throw error;
            this.ctx.log.info(`Refold refused the executions query with start_date (HTTP ${error.last.status}); ` +
                'polling without it for the rest of the wait');
            this.startDate = undefined;
            this.tally.polls++;
            return await this.list();
        }
    }
    async list() {
        const query = {
            startDate: this.startDate,
            slug: this.ctx.settings.slug
        };
        const listed = [];
        let page = 1;
        for (let read = 0; read < MAX_PAGES; read++) {
            const result = await counted(this.tally, this.ctx.client.listExecutions(this.account, { page, limit: PAGE_SIZE, ...query }));
            listed.push(...result.docs);
            if (!result.hasNextPage)
                break;
            page = pageAfter(page, result);
        }
        return listed;
    }
    /**
     * Takes in what a poll listed: only the executions that match are read further, so nothing of
     * another event or run decides anything. Returns whether one was seen for the first time.
     */
    absorb(listed) {
        const { log, settings } = this.ctx;
        const polledAt = this.since + (this.lastPoll - this.started);
        let foundNew = false;
        for (const doc of listed) {
            const rule = this.ruleFor(doc);
            if (!rule)
                continue;
            const execution = readExecution(doc);
            if (typeof execution === 'string') {
                this.ignore(doc, execution);
                continue;
            }
            // The Date header has whole seconds, so an execution created in the same second counts.
            if (execution.created < this.since - (this.since % 1000))
                continue;
            const summary = summarize(execution);
            const previous = this.seen.get(summary.id);
            if (!previous)
                foundNew = true;
            if (previous?.summary.status !== summary.status) {
                log.info(`Execution ${forLog(summary.id)} (${forLog(summary.workflow)}): ${forLog(summary.status)}`);
            }
            const workflow = execution.associated_workflow?._id ?? summary.workflow;
            this.seen.set(summary.id, { summary, rule, workflow, created: execution.created });
            if (IN_PROGRESS.has(summary.status)) {
                this.durations.running(workflow, summary.id, execution.created);
            }
            else {
                const took = summary.durationMs ?? Math.max(0, polledAt - execution.created);
                this.durations.finished(workflow, summary.id, took);
            }
        }
        const expected = settings.expectedWorkflows;
        if (expected !== undefined && this.seen.size > expected && !this.warnedExtra) {
            this.warnedExtra = true;
            log.warning(`Event "${settings.event}": ${this.seen.size} workflow executions appeared, more than the ` +
                `${expected} expected (expected_workflows); every one of them is gated`);
        }
        return foundNew;
    }
    /** Which rule makes `doc` one of ours: its tag when it carries one, else the time window. */
    ruleFor(doc) {
        if (doc.associated_event_id !== this.eventId && doc.custom_trigger_id !== this.eventId) {
            return undefined;
        }
        const configId = this.ctx.settings.configId;
        if (configId && doc.config_id !== configId)
            return undefined;
        if (doc.instance_tag)
            return doc.instance_tag === this.tag ? 'tag' : undefined;
        return 'time';
    }
    /** A matching execution that cannot be read: said once, then left out. */
    ignore(doc, problem) {
        const key = doc._id ?? '';
        if (this.warned.has(key))
            return;
        this.warned.add(key);
        const event = `event "${this.ctx.settings.event}"`;
        this.ctx.log.warning(doc._id
            ? `Ignored execution ${forLog(doc._id)} of ${event}: it ${problem}`
            : `Ignored an execution of ${event} that ${problem}`);
    }
    onOurClock(serverTime) {
        return this.started + (serverTime - this.since);
    }
    async end(ending) {
        const { clock, settings, log } = this.ctx;
        const durationMs = clock.now() - this.started;
        const seen = [...this.seen.values()].sort((a, b) => a.created - b.created);
        const executions = seen.map(s => s.summary);
        const status = ending.by === 'cancel' ? 'CANCELLED' : statusOf(executions, settings.expectedWorkflows);
        const outOfTime = ending.by === 'cancel' || ending.by === 'deadline';
        const stopped = outOfTime && settings.stopUnfinished ? await this.stop(executions) : [];
        // After a cancel, the time left belongs to writing down what happened.
        const details = ending.by === 'cancel' ? [] : await this.readFailures(executions);
        const correlation = correlationOf(seen);
        if (correlation) {
            const by = (rule) => seen.filter(s => s.rule === rule).length;
            const parts = [
                by('tag') && `${by('tag')} by instance_tag`,
                by('time') && `${by('time')} by the time window (created at or after the trigger's Date)`
            ].filter(Boolean);
            log.info(`Executions of "${settings.event}" matched ${parts.join(', ')}`);
        }
        const reason = ending.by === 'failure' ? ending.reason : undefined;
        return {
            ...describe(status, executions, settings, stopped, reason),
            durationMs,
            details,
            ...(ending.by === 'failure' && ending.hint ? { hint: ending.hint } : {}),
            ...this.tally,
            ...(correlation ? { correlation } : {}),
            stopped
        };
    }
    /** Asks Refold to stop every execution still in progress, once each; the run's cancel bounds it. */
    async stop(executions) {
        const { client, log } = this.ctx;
        const unfinished = executions.filter(e => IN_PROGRESS.has(e.status));
        return Promise.all(unfinished.map(async ({ id, workflow }) => {
            const name = `execution ${forLog(id)} (${forLog(workflow)})`;
            try {
                await counted(this.tally, client.stopExecution(this.account, id));
                log.info(`Asked Refold to stop ${name}`);
                return { id, workflow, ok: true };
            }
            catch (error) {
                const text = failureText(error);
                log.warning(`Could not stop ${name}: ${text}`);
                return { id, workflow, ok: false, error: text };
            }
        }));
    }
    /**
     * What the detail of each failed execution (the first few) tells. Best effort: a detail that
     * cannot be read is logged and left out, and changes nothing else.
     */
    async readFailures(executions) {
        const { client, log } = this.ctx;
        const budget = this.ctx.detailReads ?? { left: MAX_DETAILS };
        const details = [];
        for (const execution of executions.filter(e => wait_isFailed(e.status)).slice(0, MAX_DETAILS)) {
            if (budget.left <= 0)
                break;
            budget.left--;
            const { id, workflow } = execution;
            try {
                const detail = await counted(this.tally, client.getExecution(this.account, id));
                const failure = { id, workflow };
                if (detail.name)
                    failure.name = detail.name;
                if (detail.status)
                    failure.status = detail.status;
                if (detail.error)
                    failure.error = detail.error;
                if (detail.failedNode)
                    failure.failedNode = { ...detail.failedNode };
                details.push(failure);
                const node = failure.failedNode;
                const at = node
                    ? ` at ${forLog(node.name)}${node.error ? `: ${forLog(node.error)}` : ''}`
                    : '';
                if (failure.error || node) {
                    log.info(`Execution ${forLog(id)} (${forLog(workflow)}) failed` +
                        (failure.error ? `: ${forLog(failure.error)}` : '') +
                        at);
                }
            }
            catch (error) {
                log.info(`Could not read the detail of execution ${forLog(id)}: ${failureText(error)}`);
            }
        }
        return details;
    }
}
/** The wait's result when there was nothing to wait for: the event was not accepted. */
function notWaited(settings) {
    return {
        ok: false,
        status: 'NONE',
        executions: [],
        headline: `Event "${settings.event}" was not accepted, so no execution was waited for`,
        durationMs: 0,
        details: [],
        polls: 0,
        requests: 0,
        stopped: []
    };
}
/** The wait's result when it broke on a bug: the event was fired, so the outputs still say so. */
function waitBroke(settings, error) {
    return {
        ...notWaited(settings),
        headline: `Event "${settings.event}": stopped waiting for its executions: ` +
            `unexpected error: ${failureText(error)}`
    };
}
/**
 * FAILED wins over everything; then nothing seen, still running or fewer than expected, or all
 * succeeded.
 */
function statusOf(executions, expected) {
    if (executions.some(e => wait_isFailed(e.status)))
        return 'FAILED';
    if (!executions.length)
        return 'NONE';
    if (executions.some(e => IN_PROGRESS.has(e.status)))
        return 'TIMED_OUT';
    return expected !== undefined && executions.length < expected ? 'TIMED_OUT' : 'COMPLETED';
}
function correlationOf(seen) {
    const tag = seen.some(s => s.rule === 'tag');
    const time = seen.some(s => s.rule === 'time');
    return tag && time ? 'tag+time' : tag ? 'tag' : time ? 'time' : undefined;
}
async function counted(tally, call) {
    try {
        const { value, attempts } = await call;
        tally.requests += attempts.length;
        return value;
    }
    catch (error) {
        if (error instanceof CallFailed)
            tally.requests += error.attempts.length;
        throw error;
    }
}
/** A 400 or 422 to the executions query: the server does not take its `start_date`. */
function isQueryRefusal(error) {
    return (error instanceof CallFailed &&
        error.last instanceof RefoldApiError &&
        [400, 422].includes(error.last.status));
}
/** On a 401 from a list, the likely cause: a key that may fire events but not list. */
function orgKeyHint(error) {
    return error instanceof CallFailed &&
        error.last instanceof RefoldApiError &&
        error.last.status === 401
        ? ORG_KEY_HINT
        : undefined;
}
function summarize(execution) {
    const summary = {
        id: execution._id,
        workflow: execution.associated_workflow?.name ?? execution.name ?? '(unnamed workflow)',
        status: execution.status ?? STATUS_MISSING,
        created_at: execution.createdAt,
        finished_at: execution.completion_time
    };
    const durationMs = (execution.finished ?? NaN) - execution.created;
    if (!Number.isNaN(durationMs) && durationMs >= 0)
        summary.durationMs = durationMs;
    return summary;
}
/** A status that is neither in progress nor a success (upper-cased, as executions are reported). */
function wait_isFailed(status) {
    return !IN_PROGRESS.has(status) && !SUCCEEDED.has(status);
}
/**
 * The verdict in one line; `reason` says why the wait ended before its time (it then fails). The
 * stops asked, when any, close it.
 */
function describe(status, executions, settings, stopped, reason) {
    const event = `Event "${settings.event}"`;
    const failed = executions.filter(e => wait_isFailed(e.status));
    const count = `${executions.length} workflow execution${executions.length === 1 ? '' : 's'}`;
    const seconds = settings.waitTimeoutMs / 1000;
    const expected = settings.expectedWorkflows;
    const short = expected !== undefined && executions.length < expected
        ? `saw ${executions.length} of ${expected} expected workflows`
        : undefined;
    const sofar = executions.length ? ` (so far: ${listed(executions)})` : '';
    const headlines = {
        COMPLETED: () => `${event}: all ${count} completed`,
        FAILED: () => `${event}: ${failed.length} of ${count} failed: ${listed(failed)}${short ? ` (${short})` : ''}`,
        TIMED_OUT: () => timedOut(event, executions, settings, short),
        NONE: () => `${event}: no workflow execution appeared within ${seconds} s ` +
            `(is a workflow attached to this event for this linked account${settings.slug ? ' and slug' : ''}?)`,
        CANCELLED: () => `${event}: cancelled while waiting for its executions${sofar}`
    };
    const headline = reason
        ? `${event}: stopped waiting for its executions: ${reason}${sofar}`
        : headlines[status]();
    return {
        ok: !reason && status === 'COMPLETED',
        status,
        executions,
        headline: headline + stopsDone(stopped)
    };
}
/** Ran out of time: what is still running, or how many of those expected appeared, and what to do. */
function timedOut(event, executions, settings, short) {
    const seconds = settings.waitTimeoutMs / 1000;
    const running = executions.filter(e => IN_PROGRESS.has(e.status));
    if (!running.length) {
        return (`${event}: ${short} within ${seconds} s: ${listed(executions)}; ` +
            'raise wait_timeout, or check expected_workflows');
    }
    const advice = settings.stopUnfinished
        ? 'raise wait_timeout'
        : 'raise wait_timeout, or set stop_unfinished to stop what is still running when it runs out';
    return (`${event}: still running after ${seconds} s: ${listed(running)}` +
        `${short ? ` (${short})` : ''}; ${advice}`);
}
function stopsDone(stopped) {
    if (!stopped.length)
        return '';
    const failed = stopped.filter(s => !s.ok);
    return (`; stopped ${stopped.length - failed.length} of ${stopped.length} unfinished` +
        (failed.length ? ` (could not stop: ${failed.map(s => s.workflow).join(', ')})` : ''));
}
function listed(executions) {
    return executions.map(e => `${e.workflow} (${e.status})`).join(', ');
}
/** The failure's message; with a hint, it ends with it. */
function failureText(error, hint) {
    if (hint && error instanceof CallFailed)
        return error.withHint(hint).message;
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/core/outputs.ts




function outcomeOutputs(outcome) {
    const { results } = outcome;
    // The scalar outputs speak of the first failed account, else of the first account.
    const shown = results.find(result => !result.ok) ?? results[0];
    const accepted = results.filter(result => result.ok).length;
    const checked = outcome.failure instanceof PreflightError ? outcome.failure : undefined;
    const outputs = {
        [names_Outputs.Ok]: outcome.ok,
        [names_Outputs.StatusCode]: shown?.statusCode ?? null,
        // A failed check's message is its first violation; the error and the summary list them all.
        [names_Outputs.Message]: checked?.violations[0] ?? outcome.failure?.message ?? shown?.message ?? '',
        [names_Outputs.ErrorCode]: checked ? checked.code : shown?.ok ? null : (shown?.errorCode ?? null),
        [names_Outputs.HttpErrorType]: shown?.ok ? null : (shown?.httpErrorType ?? null),
        [names_Outputs.Response]: responseOutput(shown?.response ?? ''),
        [names_Outputs.Attempts]: outcome.attempts,
        [names_Outputs.DurationMs]: outcome.durationMs,
        [names_Outputs.Payload]: outcome.payloadJson,
        [names_Outputs.IdempotencyKey]: outcome.idempotencyKey,
        [names_Outputs.Results]: results.map(resultOutput),
        [names_Outputs.Accepted]: accepted,
        [names_Outputs.Failed]: results.length - accepted,
        [names_Outputs.Truncated]: false,
        [names_Outputs.Preflight]: outcome.preflight
    };
    if (outcome.resultsFile)
        outputs[names_Outputs.ResultsFile] = outcome.resultsFile;
    if (outcome.executionStatus) {
        const several = results.length > 1;
        outputs[names_Outputs.Executions] = results.flatMap(result => (result.wait?.executions ?? []).map(execution => ({
            ...executionOutput(execution),
            ...(several ? { linked_account_id: result.linkedAccountId } : {})
        })));
        outputs[names_Outputs.ExecutionStatus] = outcome.executionStatus;
        if (outcome.correlation)
            outputs[names_Outputs.Correlation] = outcome.correlation;
    }
    return outputs;
}
/** GitHub keeps at most 1 MB of outputs per job: these bounds leave room for the other steps. */
const OUTPUT_LIMITS = {
    results: 512 * 1024,
    executions: 256 * 1024,
    payload: 128 * 1024,
    all: 900 * 1024
};
/**
 * The outputs cut to fit GitHub's limits: `payload` left empty past its bound, and `results` and
 * `executions` holding as many whole entries as fit, failures first (within the bounds they keep
 * input order). `truncated` says whether anything was cut; the results file has everything.
 */
function fitToLimits(outputs) {
    const fitted = { ...outputs };
    let truncated = false;
    if (bytes(fitted[Outputs.Payload]) > OUTPUT_LIMITS.payload) {
        fitted[Outputs.Payload] = '';
        truncated = true;
    }
    const { [Outputs.Results]: results, [Outputs.Executions]: executions, ...rest } = fitted;
    // The other outputs, and the two lists' own names, come out of the whole budget first.
    let left = OUTPUT_LIMITS.all -
        bytes(JSON.stringify(rest)) -
        bytes(JSON.stringify({ [Outputs.Results]: [], [Outputs.Executions]: [] }));
    if (executions) {
        const kept = wholeEntries(executions, Math.min(OUTPUT_LIMITS.executions, left), e => isFailed(e.status));
        fitted[Outputs.Executions] = kept.entries;
        truncated ||= kept.cut;
        left -= kept.bytes;
    }
    const kept = wholeEntries(results, Math.min(OUTPUT_LIMITS.results, left), r => !r.ok);
    fitted[Outputs.Results] = kept.entries;
    truncated ||= kept.cut;
    fitted[Outputs.Truncated] = truncated;
    return fitted;
}
/** The entries as they are when their JSON fits; else as many whole ones as fit, failures first. */
function wholeEntries(entries, budget, isFailure) {
    const sizes = entries.map(entry => bytes(JSON.stringify(entry)) + 1);
    const total = sizes.reduce((sum, size) => sum + size, 1);
    if (total <= budget)
        return { entries, bytes: total, cut: false };
    const order = [...entries.keys()].sort((a, b) => Number(isFailure(entries[b])) - Number(isFailure(entries[a])) || a - b);
    const kept = new Set();
    let used = 1;
    for (const index of order) {
        if (used + sizes[index] > budget)
            break;
        kept.add(index);
        used += sizes[index];
    }
    // Failures first, each group in input order.
    const chosen = order.filter(index => kept.has(index)).map(index => entries[index]);
    return { entries: chosen, bytes: used, cut: true };
}
function bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** One execution as the `executions` output and the results file list it. */
function executionOutput({ id, workflow, status, created_at }) {
    return { id, workflow, status, created_at };
}
function resultOutput(result) {
    return {
        linked_account_id: result.linkedAccountId,
        ok: result.ok,
        status_code: result.statusCode,
        message: result.message,
        error_code: result.errorCode,
        attempts: result.attempts,
        idempotency_key: result.idempotencyKey,
        execution_status: result.executionStatus
    };
}
/** One line saying what happened, for the summary's heading. */
function headline(outcome) {
    const event = `event "${outcome.event}"`;
    const { results } = outcome;
    if (outcome.failure)
        return `Refold did not fire ${event}`;
    if (outcome.cancelled)
        return cancelledLine(outcome);
    if (outcome.dryRun)
        return `Dry run: ${event} was not sent`;
    if (!results.length)
        return `No linked account in this shard: ${event} was not sent`;
    if (results.length === 1) {
        const [only] = results;
        if (only.wait)
            return only.wait.headline;
        return `Refold ${only.ok ? 'accepted' : 'did not accept'} ${event}`;
    }
    const accepted = results.filter(result => result.ok).length;
    return `${capitalized(event)}: ${accepted} of ${results.length} linked accounts ok`;
}
const FAILURES_NAMED = 5;
/** The message a failed run fails (or, with fail_on_error false, warns) with; undefined when ok. */
function failureMessage(outcome) {
    if (outcome.failure)
        return outcome.failure.message;
    if (outcome.cancelled)
        return cancelledLine(outcome);
    if (outcome.ok)
        return undefined;
    const failed = outcome.results.filter(result => !result.ok);
    if (outcome.results.length === 1)
        return failed[0].failure?.message ?? failed[0].message;
    const named = failed
        .slice(0, FAILURES_NAMED)
        .map(result => `${result.linkedAccountId} (${result.failure?.message ?? result.message})`);
    const more = failed.length > FAILURES_NAMED ? `, and ${failed.length - FAILURES_NAMED} more` : '';
    return (`Event "${outcome.event}": ${failed.length} of ${outcome.results.length} linked accounts ` +
        `failed: ${named.join('; ')}${more}`);
}
/** "Cancelled after N of M accounts": N counts the accounts whose trigger was sent. */
function cancelledLine(outcome) {
    const { results } = outcome;
    const sent = results.filter(result => result.attempts > 0 || result.notSent?.endsWith('in flight'));
    const waiting = outcome.executionStatus === 'CANCELLED' ? ', while waiting for executions' : '';
    return (`Cancelled after ${sent.length} of ${results.length} linked account` +
        `${results.length === 1 ? '' : 's'}${waiting}: event "${outcome.event}"; see results for each`);
}
function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/core/json-error.ts
// Where a JSON text first goes wrong. JSON.parse says so only in some messages and only on newer
// Node versions, and an author fixing a payload in a workflow file needs the line and column.
/** The 1-based line and column of the first syntax error in `text`, or undefined if it is valid. */
function locateJsonError(text) {
    const offset = new JsonScanner(text).firstErrorOffset();
    return offset === undefined ? undefined : positionOf(text, offset);
}
function positionOf(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
}
class SyntaxAt extends Error {
    offset;
    constructor(offset) {
        super(`JSON syntax error at ${offset}`);
        this.offset = offset;
    }
}
/** true, false, null or a number, matched where the scanner stands (sticky). */
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/**
 * A validating scanner that only tracks the offset; the value itself comes from JSON.parse. It
 * keeps open containers on a list, not the call stack, so no depth of nesting can overflow it.
 */
class JsonScanner {
    text;
    at = 0;
    constructor(text) {
        this.text = text;
    }
    firstErrorOffset() {
        try {
            this.document();
            return undefined;
        }
        catch (error) {
            // Nothing else throws: the scanner uses no recursion, so no depth overflows its stack.
            return error.offset;
        }
    }
    document() {
        /** The closing bracket of each container still open, innermost last. */
        const closers = [];
        for (;;) {
            if (this.valueStart(closers))
                continue;
            // A value ended: close containers until a comma asks for the next value, or the text ends.
            for (;;) {
                this.space();
                const closer = closers.at(-1);
                if (closer === undefined) {
                    if (this.at < this.text.length)
                        throw new SyntaxAt(this.at);
                    return;
                }
                if (this.text[this.at] === ',') {
                    this.at++;
                    if (closer === '}')
                        this.key();
                    break;
                }
                this.expect(closer);
                closers.pop();
            }
        }
    }
    /** Reads a scalar, or opens a container; true when the container holds a value still to read. */
    valueStart(closers) {
        this.space();
        const char = this.text[this.at];
        if (char === '{' || char === '[') {
            const closer = char === '{' ? '}' : ']';
            this.at++;
            this.space();
            if (this.text[this.at] === closer) {
                this.at++;
                return false;
            }
            closers.push(closer);
            if (closer === '}')
                this.key();
            return true;
        }
        if (char === '"') {
            this.string();
            return false;
        }
        LITERAL.lastIndex = this.at;
        const literal = LITERAL.exec(this.text);
        if (!literal)
            throw new SyntaxAt(this.at);
        this.at += literal[0].length;
        return false;
    }
    /** An object member's name and colon; its value follows. */
    key() {
        this.space();
        this.string();
        this.space();
        this.expect(':');
    }
    space() {
        while (/[ \t\n\r]/.test(this.text[this.at] ?? ''))
            this.at++;
    }
    expect(char) {
        if (this.text[this.at] !== char)
            throw new SyntaxAt(this.at);
        this.at++;
    }
    string() {
        this.expect('"');
        for (;;) {
            const char = this.text[this.at];
            if (char === undefined || char < ' ')
                throw new SyntaxAt(this.at);
            this.at++;
            if (char === '"')
                return;
            if (char === '\\') {
                const escape = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(this.text.slice(this.at, this.at + 5));
                if (!escape)
                    throw new SyntaxAt(this.at);
                this.at += escape[0].length;
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/core/payload.ts
// The payload sent to Refold: the user's inline JSON/YAML or payload file, and the GitHub context
// summary as github_context asks. Always a JSON object; anything else is an input error.






/** The largest payload_file read; its size is checked before a byte of it is. */
const MAX_PAYLOAD_FILE_BYTES = 10 * 1024 * 1024;
/**
 * The deepest nesting a payload may have. Far beyond any real event, and far below the depth at
 * which JSON.stringify or the YAML parser run out of stack (about 850 levels for the parser).
 */
const MAX_PAYLOAD_DEPTH = 256;
/** Alias uses a YAML payload may expand (the yaml package's own default, made explicit). */
const MAX_YAML_ALIAS_COUNT = 100;
async function buildPayload(settings, sources) {
    const user = await readUserPayload(settings.payload, sources);
    const { naming } = sources;
    switch (settings.githubContext) {
        case 'never':
            return user ?? {};
        case 'auto':
            return user ?? { github: await sources.githubSummary() };
        case 'always':
            if (user && Object.hasOwn(user, 'github')) {
                throw new InputError(Inputs.GithubContext, `Invalid ${naming.setting(payloadInputName(settings.payload))} with ` +
                    `${naming.setting(Inputs.GithubContext)} always: the payload already has a "github" ` +
                    `key, which the GitHub context would replace. Rename the key or set ` +
                    `${naming.setting(Inputs.GithubContext)} to never.`);
            }
            return { ...user, github: await sources.githubSummary() };
    }
}
function payloadInputName(source) {
    return source.kind === 'file' ? Inputs.PayloadFile : Inputs.Payload;
}
async function readUserPayload(source, { baseDir, naming }) {
    if (source.kind === 'none')
        return undefined;
    if (source.kind === 'value') {
        const where = { input: Inputs.Payload, what: `Invalid ${naming.setting(Inputs.Payload)}` };
        checkNesting(source.value, where);
        return asObject(source.value, where);
    }
    if (source.kind === 'inline') {
        const where = {
            input: Inputs.Payload,
            what: `Invalid ${naming.setting(Inputs.Payload)}: the value`
        };
        const looksLikeJson = /^\s*[{[]/.test(source.text);
        const value = looksLikeJson
            ? parseJson(source.text, where)
            : await parseYaml(source.text, where);
        return asObject(value, where);
    }
    const where = {
        input: Inputs.PayloadFile,
        what: `Invalid ${naming.setting(Inputs.PayloadFile)}: ${JSON.stringify(source.path)}`
    };
    const format = /\.json$/i.test(source.path) ? 'json' : /\.ya?ml$/i.test(source.path) ? 'yaml' : '';
    if (!format) {
        throw new InputError(where.input, `${where.what} is not a .json, .yml or .yaml file.`);
    }
    const text = await readBoundedFile(baseDir, source.path, where, naming);
    const value = format === 'json' ? parseJson(text, where) : await parseYaml(text, where);
    return asObject(value, where);
}
/**
 * The text of a regular file of at most MAX_PAYLOAD_FILE_BYTES (the payload file, the accounts
 * file), `relative` resolved from `baseDir`. Opened without blocking and checked through the open
 * handle, so a FIFO cannot hang the step waiting for a writer, a device such as /dev/zero is never
 * read, and the file checked is the file read.
 */
async function readBoundedFile(baseDir, relative, { input, what }, naming) {
    let handle;
    try {
        // O_NONBLOCK makes opening a FIFO return at once; Windows has neither, hence the fallback.
        handle = await (0,promises_namespaceObject.open)(external_node_path_namespaceObject.resolve(baseDir, relative), external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0));
    }
    catch (error) {
        throw new InputError(input, `${what} cannot be read: ${describeFsError(error, naming)}.`);
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile()) {
            throw new InputError(input, `${what} is not a regular file (it is ${payload_kindOf(stats)}); only regular files are read.`);
        }
        // The size stat gives is checked first; the read is bounded too, for files whose size stat
        // does not know (those under /proc say 0).
        const bytes = stats.size > MAX_PAYLOAD_FILE_BYTES
            ? undefined
            : await readAtMost(handle).catch((error) => {
                throw new InputError(input, `${what} cannot be read: ${describeFsError(error, naming)}.`);
            });
        if (!bytes) {
            throw new InputError(input, `${what} is larger than ${MAX_PAYLOAD_FILE_BYTES / 1024 / 1024} MiB, the most ${input === Inputs.PayloadFile ? 'a payload' : 'an accounts'} file may hold` +
                (stats.size > MAX_PAYLOAD_FILE_BYTES ? ` (it is ${stats.size} bytes).` : '.'));
        }
        const text = bytes.toString('utf8');
        // Editors on Windows start UTF-8 files with a byte-order mark; neither JSON nor the payload
        // wants it.
        return text.replace(/^\uFEFF/, '');
    }
    finally {
        await handle.close();
    }
}
function payload_kindOf(stats) {
    if (stats.isDirectory())
        return 'a directory';
    if (stats.isFIFO())
        return 'a FIFO';
    // Sockets never get here: opening one fails with ENXIO.
    return 'a device';
}
/** The handle's bytes, or undefined as soon as there are more than MAX_PAYLOAD_FILE_BYTES. */
async function readAtMost(handle) {
    const chunks = [];
    let total = 0;
    for (;;) {
        const chunk = Buffer.alloc(256 * 1024);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0)
            return Buffer.concat(chunks, total);
        total += bytesRead;
        if (total > MAX_PAYLOAD_FILE_BYTES)
            return undefined;
        chunks.push(chunk.subarray(0, bytesRead));
    }
}
function parseJson(text, { input, what }) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const at = locateJsonError(text);
        // Our own words, from where the scanner stopped: V8's differ between Node versions and quote
        // the text back with ellipses.
        const found = at ? text.split('\n')[at.line - 1]?.[at.column - 1] : undefined;
        const reason = !at
            ? String(error.message).replace(/ in JSON at position \d+.*$/s, '')
            : found === undefined || found === '\r'
                ? 'the text ends too early'
                : `unexpected ${JSON.stringify(found)}`;
        const where = at ? ` at line ${at.line}, column ${at.column}` : '';
        throw new InputError(input, `${what} is not valid JSON${where}: ${reason}.${at ? `\n${pointAt(text, at.line, at.column)}` : ''}`);
    }
    checkNesting(value, { input, what });
    return value;
}
async function parseYaml(text, { input, what }) {
    // Loaded here only: most payloads are JSON or absent, and start-up time is the step's time.
    const { parseDocument } = await __nccwpck_require__.e(/* import() | yaml */ 602).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    const document = parseDocument(text, { prettyErrors: false });
    const [first] = document.errors;
    if (first?.code === 'RESOURCE_EXHAUSTION') {
        // The parser ran out of stack: nesting far deeper than MAX_PAYLOAD_DEPTH.
        throw new InputError(input, `${what} ${tooDeep}`);
    }
    if (first) {
        const offset = first.pos[0];
        const at = positionOf(text, offset);
        throw new InputError(input, `${what} is not valid YAML at line ${at.line}, column ${at.column}: ${first.message.split('\n')[0]}.` +
            `\n${pointAt(text, at.line, at.column)}`);
    }
    let value;
    try {
        value = document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
    }
    catch (error) {
        // Aliases are resolved here, not while parsing: one without its anchor, or so many that they
        // would expand the payload exponentially (a "billion laughs" document).
        if (!(error instanceof ReferenceError))
            throw error;
        const reason = /resource exhaustion/i.test(error.message)
            ? `its aliases (*name) expand it too far: more than ${MAX_YAML_ALIAS_COUNT} uses of anchored values`
            : error.message.split('\n')[0];
        throw new InputError(input, `${what} is not accepted as YAML: ${reason}.`);
    }
    checkNesting(value, { input, what });
    return value;
}
const tooDeep = `is nested more than ${MAX_PAYLOAD_DEPTH} levels deep, more than a payload may be.`;
/**
 * Refuses a value nested deeper than MAX_PAYLOAD_DEPTH, or one that contains itself (a YAML
 * alias inside its own anchor): either would crash JSON.stringify later, outside the input errors.
 * The recursion stops at the limit, so it cannot overflow the stack itself.
 */
function checkNesting(value, { input, what }) {
    const ancestors = new Set();
    const visit = (node, depth) => {
        if (typeof node !== 'object' || node === null)
            return;
        if (ancestors.has(node)) {
            throw new InputError(input, `${what} contains itself (an alias inside its own anchor).`);
        }
        if (depth > MAX_PAYLOAD_DEPTH)
            throw new InputError(input, `${what} ${tooDeep}`);
        ancestors.add(node);
        for (const child of Object.values(node))
            visit(child, depth + 1);
        ancestors.delete(node);
    };
    visit(value, 1);
}
/** The offending line and a caret under the column, so the author sees what we saw. */
function pointAt(text, line, column) {
    const source = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '');
    const start = Math.max(0, column - 60);
    const shown = source.slice(start, start + 120);
    return `  ${shown}\n  ${' '.repeat(Math.max(0, column - 1 - start))}^`;
}
function asObject(value, { input, what }) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
        return value;
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new InputError(input, `${what} is ${kind}, but the payload must be an object ({...}).`);
}
function describeFsError(error, naming) {
    const code = error.code;
    if (code === 'ENOENT')
        return `no such file (paths are relative to ${naming.pathsRelativeTo})`;
    if (code === 'EISDIR')
        return 'it is a directory';
    if (code === 'EACCES')
        return 'permission denied';
    if (code === 'ENXIO')
        return 'it is a socket, not a regular file';
    return code ?? String(error.message);
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
;// CONCATENATED MODULE: ./src/core/request.ts
// The trigger request as one value: built once, then either sent or, in a dry run, printed, so what
// a dry run shows can never drift from what is sent. Also home of the Refold API's fixed facts.

const DEFAULT_BASE_URL = 'https://api.gocobalt.io';
const USER_AGENT = `refold-trigger/${package_namespaceObject.rE}`;
const Paths = {
    TriggerEvent: '/api/v2/public/event',
    ListEvents: '/api/v2/public/application/event',
    ListExecutions: '/api/v2/public/execution',
    StopExecution: '/api/v2/public/execution/{id}/stop',
    LinkedAccounts: '/api/v2/public/linked-account'
};
/** What Node lets a header value hold; anything else would fail every attempt as a network error. */
function fitsInHeader(value) {
    return !/[^\t\x20-\x7e\x80-\xff]/.test(value);
}
/** The headers every call carries: the key, and the linked account for account-scoped calls. */
function apiHeaders(apiKey, account) {
    const headers = { 'x-api-key': apiKey };
    if (account !== undefined)
        headers.linked_account_id = account;
    return headers;
}
/** `POST {base_url}/api/v2/public/event` for one linked account, headers in the contract's order. */
function triggerRequest(origin, parts) {
    const headers = apiHeaders(origin.apiKey, parts.account);
    if (parts.configId)
        headers.config_id = parts.configId;
    if (parts.slug)
        headers.slug = parts.slug;
    Object.assign(headers, {
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': USER_AGENT,
        'Idempotency-Key': parts.idempotencyKey,
        instance_tag: parts.instanceTag
    });
    return {
        method: 'POST',
        url: `${origin.baseUrl}${Paths.TriggerEvent}`,
        headers,
        body: `{"event":${JSON.stringify(parts.event)},"payload":${parts.payloadJson}}`
    };
}
/** The request as a dry run prints it: every header, the api key masked, the body pretty. */
function printRequest(request) {
    const lines = [`${request.method} ${request.url}`];
    for (const [name, value] of Object.entries(request.headers)) {
        const shown = name === 'x-api-key' ? (value ? '***' : '(not set)') : value;
        lines.push(`${name}: ${shown}`);
    }
    if (request.body !== undefined) {
        lines.push('', JSON.stringify(JSON.parse(request.body), null, 2));
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/core/accounts.ts
// Which linked accounts one run fires for: the list as written in `linked_account_id`, the slice a
// matrix job keeps (`shard`), and the Idempotency-Key each account is sent with.




const ACCOUNTS_INPUT = Inputs.LinkedAccountId;
const SHARD_INPUT = Inputs.Shard;
/**
 * Reads the account list: one id per line (the CLI passes one entry per flag), blank lines and
 * surrounding spaces ignored, `*` alone for every account.
 */
function parseAccounts(text, naming) {
    const named = naming.setting(ACCOUNTS_INPUT);
    const ids = (typeof text === 'string' ? [text] : text)
        .flatMap(entry => entry.split(/\r\n|\r|\n/))
        .map(line => line.trim())
        .filter(line => line !== '');
    if (ids.length === 0) {
        throw new InputError(ACCOUNTS_INPUT, `Missing ${named}: it is required (or ${naming.setting(Inputs.LinkedAccountFile)}).`);
    }
    if (ids.includes('*')) {
        if (ids.every(id => id === '*'))
            return { kind: 'every' };
        throw new InputError(ACCOUNTS_INPUT, `Invalid ${named}: "*" (every linked account) cannot be combined with ` +
            `other ids such as ${JSON.stringify(ids.find(id => id !== '*'))}.`);
    }
    return accounts_listed(ids, ACCOUNTS_INPUT, `Invalid ${named}`);
}
/** Reads `shard` (`i/n`); an empty input means no sharding. */
function parseShard(text, naming) {
    const value = text.trim();
    if (value === '')
        return undefined;
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value);
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || !Number.isSafeInteger(count) || index < 1 || index > count) {
        throw new InputError(SHARD_INPUT, `Invalid ${naming.setting(SHARD_INPUT)}: ${JSON.stringify(value)} is not i/n with 1 ≤ i ≤ n.`);
    }
    return { index, count };
}
/**
 * The accounts of slice `index` of `count`: position k in the de-duplicated, code-point-sorted
 * list belongs to slice (k mod count) + 1, so every job of the matrix agrees on the split whatever
 * order each was given the list in. They come back in the order given (the `results` order).
 */
function shardSlice(accounts, index, count) {
    if (!Number.isInteger(count) || !Number.isInteger(index) || index < 1 || index > count) {
        throw new RangeError(`Shard ${index}/${count} is not i/n with 1 ≤ i ≤ n`);
    }
    const unique = [...new Set(accounts)];
    const mine = new Set([...unique].sort(compareCodePoints).filter((_, k) => k % count === index - 1));
    return unique.filter(account => mine.has(account));
}
/**
 * Orders strings by Unicode code point, the same on every machine and locale. Plain `<` compares
 * UTF-16 units, which puts U+10000 and above before U+E000–U+FFFF; localeCompare depends on ICU.
 */
function compareCodePoints(a, b) {
    for (let i = 0; i < a.length && i < b.length;) {
        const x = a.codePointAt(i);
        const y = b.codePointAt(i);
        if (x !== y)
            return x < y ? -1 : 1;
        i += x > 0xffff ? 2 : 1;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
/**
 * Chooses the rule. `given` is the `idempotency_key` input ('' when unset); `generatedPrefix` is
 * the door's default (the action's run coordinates and event, the CLI's UUID). `selection` is the
 * list before `shard`, so every job of a matrix derives the same key for the same account.
 */
function keyRule(given, generatedPrefix, selection) {
    if (!given)
        return { kind: 'per-account', prefix: generatedPrefix };
    if (selection.kind === 'list' && selection.accounts.length === 1) {
        return { kind: 'as-is', key: given };
    }
    return { kind: 'per-account', prefix: given };
}
/** The Idempotency-Key sent for `account`; percent-encoded so the header stays ASCII. */
function accountKey(rule, account) {
    return rule.kind === 'as-is' ? rule.key : `${rule.prefix}/${encodeURIComponent(account)}`;
}
/** The part of the key every account shares (the `idempotency_key` output with several). */
function sharedKey(rule) {
    return rule.kind === 'as-is' ? rule.key : rule.prefix;
}
/**
 * `linked_account_file`: ids one per line (surrounding spaces trimmed, blank and `#` lines
 * ignored), or, for a `.jsonl` file, an earlier run's results: the accounts that did not end ok,
 * fired again. A resume with nothing left says so in `notice`.
 */
async function readAccountFile(baseDir, relative, naming) {
    const input = Inputs.LinkedAccountFile;
    const what = `Invalid ${naming.setting(input)}: ${JSON.stringify(relative)}`;
    const text = await readBoundedFile(baseDir, relative, { input, what }, naming);
    const lines = text.split(/\r\n|\r|\n/).map(line => line.trim());
    if (/\.jsonl$/i.test(relative)) {
        const ids = lines.flatMap((line, index) => (line ? [unfinishedAccount(line, index + 1)] : []));
        const rows = ids.length;
        const left = ids.filter((id) => id !== undefined);
        if (!rows)
            throw new InputError(input, `${what} holds no results.`);
        if (!left.length) {
            return {
                accounts: { kind: 'list', accounts: [], duplicates: [] },
                notice: `Every account of ${JSON.stringify(relative)} ended ok: nothing to fire again.`
            };
        }
        return { accounts: accounts_listed(left, input, what) };
    }
    const ids = lines.filter(line => line !== '' && !line.startsWith('#'));
    if (ids.includes('*')) {
        throw new InputError(input, `${what} has a "*" line; for every linked account use ${naming.setting(ACCOUNTS_INPUT)} "*".`);
    }
    if (!ids.length)
        throw new InputError(input, `${what} names no linked account.`);
    return { accounts: accounts_listed(ids, input, what) };
    /** One results row's account when it did not end ok; undefined when it did. */
    function unfinishedAccount(line, number) {
        let row;
        try {
            row = JSON.parse(line);
        }
        catch {
            row = undefined;
        }
        const { linked_account_id: id, ok } = (row ?? {});
        if (typeof id !== 'string' || !id) {
            throw new InputError(input, `${what} line ${number} is not a result with a "linked_account_id" (is it a results file of this tool?).`);
        }
        return ok === true ? undefined : id;
    }
}
/**
 * Each id once, in the order first given, and the ids given more than once. Each id travels alone
 * in the linked_account_id header: a bad one must stop the run before the first request, not fail
 * as a network error halfway through the list.
 */
function accounts_listed(ids, input, what) {
    const unique = new Set();
    const duplicates = new Set();
    for (const id of ids) {
        if (!fitsInHeader(id)) {
            throw new InputError(input, `${what}: ${JSON.stringify(id)} contains characters an HTTP header cannot carry.`);
        }
        if (unique.has(id))
            duplicates.add(id);
        unique.add(id);
    }
    return { kind: 'list', accounts: [...unique], duplicates: [...duplicates] };
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: external "node:tls"
const external_node_tls_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
;// CONCATENATED MODULE: ./src/core/http.ts
// One HTTP attempt, bounded end to end: the proxy tunnel, the connection, the answer and its body
// all end within the timeout, every socket is destroyed when the attempt ends (so nothing keeps
// the process alive), at most `maxBodyBytes` of the body is read, and every text the server sent
// is redacted before anyone sees it. Redirects are answers like any other: never followed.






/** At most this much of any answer's body is read. */
const MAX_BODY_BYTES = 1024 * 1024;
/** The attempt got no usable answer; `message` says why, for a person, without a stack. */
class TransportError extends Error {
    code;
    name = 'TransportError';
    constructor(message, 
    /** The Node error code when there was one (ECONNREFUSED, HPE_INVALID_CHUNK_SIZE…). */
    code, options) {
        super(message, options);
        this.code = code;
    }
}
/** Sends one request and reads its answer; rejects with a TransportError when there is none. */
function attempt(request) {
    const target = new URL(request.url);
    const proxy = proxyFor(target, request.proxyEnv);
    const open = new Set();
    let settled = false;
    // A socket made after the attempt ended (a tunnel that opened as the deadline struck) is closed
    // at once.
    const track = (handle) => {
        if (settled)
            handle.destroy();
        else
            open.add(handle);
        return handle;
    };
    const progress = { phase: proxy ? 'tunnel' : 'request' };
    return new Promise((resolve, reject) => {
        const settle = (error, answer) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            // Whatever is still open belongs to an attempt that is over: a hung proxy or a server that
            // never ends its body must not hold the process.
            for (const handle of open)
                handle.destroy();
            if (answer)
                resolve(answer);
            else
                reject(http_describe(error, progress, proxy, request));
        };
        const timer = setTimeout(() => settle(new TimeoutError()), request.timeoutMs);
        exchange(request, target, proxy, track, progress).then(answer => settle(undefined, answer), error => settle(error));
    });
}
class TimeoutError extends Error {
}
async function exchange(request, target, proxy, track, progress) {
    const tunnel = proxy ? await openTunnel(proxy, target, request.secrets, track) : undefined;
    progress.phase = 'request';
    const secure = target.protocol === 'https:';
    const host = unbracket(target.hostname);
    const port = Number(target.port || (secure ? 443 : 80));
    const options = {
        method: request.method,
        host,
        port,
        path: `${target.pathname}${target.search}`,
        headers: {
            ...request.headers,
            ...(request.body !== undefined && {
                'content-length': String(Buffer.byteLength(request.body))
            })
        },
        agent: agentFor(secure, () => connectTo(host, port, secure, tunnel, track))
    };
    return new Promise((resolve, reject) => {
        const req = track((secure ? external_node_https_namespaceObject.request : external_node_http_namespaceObject.request)(options));
        req.on('error', reject);
        req.on('response', response => {
            track(response);
            progress.phase = 'body';
            readAnswer(response, request, progress).then(resolve, reject);
        });
        req.end(request.body);
    });
}
/** Asks the proxy for a tunnel to the target: resolves with the tunnel's socket. */
function openTunnel(proxy, target, secrets, track) {
    const authority = `${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`;
    const headers = { host: authority };
    if (proxy.url.username || proxy.url.password) {
        const credentials = `${decodeURIComponent(proxy.url.username)}:${decodeURIComponent(proxy.url.password)}`;
        headers['proxy-authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    const secure = proxy.url.protocol === 'https:';
    const host = unbracket(proxy.url.hostname);
    const port = Number(proxy.url.port || (secure ? 443 : 80));
    return new Promise((resolve, reject) => {
        const req = track((secure ? external_node_https_namespaceObject.request : external_node_http_namespaceObject.request)({
            method: 'CONNECT',
            host,
            port,
            path: authority,
            headers,
            agent: agentFor(secure, () => connectTo(host, port, secure, undefined, track))
        }));
        req.on('error', reject);
        req.on('connect', (response, socket, head) => {
            track(socket);
            // The tunnel's own errors surface through the request that uses it, or as the timeout.
            socket.on('error', () => { });
            const status = response.statusCode ?? 0;
            if (status < 200 || status > 299) {
                const reason = redact(cutText(response.statusMessage ?? '', 200), secrets);
                reject(new TransportError(`proxy ${proxy.name} answered ${status} ${reason}`.trim()));
                return;
            }
            if (head.length)
                socket.unshift(head);
            resolve(socket);
        });
        req.end();
    });
}
/** Reads the status, headers and at most maxBodyBytes of the body; rejects when the body breaks. */
function readAnswer(response, request, progress) {
    const limit = request.maxBodyBytes ?? MAX_BODY_BYTES;
    const announced = Number(response.headers['content-length']);
    if (Number.isFinite(announced))
        progress.announced = announced;
    const chunks = [];
    let size = 0;
    return new Promise((resolve, reject) => {
        const answer = (truncated) => {
            let body = redact(cutUtf8(Buffer.concat(chunks), limit), request.secrets);
            if (truncated) {
                body = `${dropSecretPrefix(body, request.secrets)}\n[refold-trigger: the answer was longer than ${describeSize(limit)}; the rest was not read]`;
            }
            return {
                status: response.statusCode ?? 0,
                headers: redactHeaders(response.headers, request.secrets),
                body,
                truncated
            };
        };
        response.on('data', (chunk) => {
            if (size + chunk.length > limit) {
                chunks.push(chunk.subarray(0, limit - size));
                size = limit;
                progress.read = size;
                // Stop reading: the rest could be endless. The status and what was read are kept.
                response.destroy();
                resolve(answer(true));
                return;
            }
            chunks.push(chunk);
            size += chunk.length;
            progress.read = size;
        });
        response.on('end', () => resolve(answer(false)));
        response.on('error', reject);
        // A body that ends without 'end' (fewer bytes than announced, then close) is broken, and
        // says so at once instead of waiting out the timeout.
        response.on('close', () => {
            if (!response.complete)
                reject(new BrokenBodyError());
        });
    });
}
class BrokenBodyError extends Error {
}
function redactHeaders(headers, secrets) {
    const redacted = {};
    for (const [name, value] of Object.entries(headers)) {
        redacted[name] = Array.isArray(value)
            ? value.map(item => redact(item, secrets))
            : value === undefined
                ? undefined
                : redact(value, secrets);
    }
    return redacted;
}
const NETWORK_REASONS = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    EPIPE: 'connection closed while sending',
    ENOTFOUND: 'host not found (DNS)',
    EAI_AGAIN: 'DNS lookup failed (temporary)',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable'
};
/** What went wrong, for a person: names the proxy when it was the proxy, never a stack. */
function http_describe(error, progress, proxy, request) {
    if (error instanceof TransportError)
        return error;
    const seconds = request.timeoutMs / 1000;
    const { code, message = String(error) } = (error ?? {});
    const text = (reason) => new TransportError(redact(reason, request.secrets), code, { cause: error });
    if (error instanceof TimeoutError) {
        return text(progress.phase === 'tunnel' && proxy
            ? `proxy ${proxy.name} did not open a tunnel within ${seconds} s (timeout)`
            : `no answer within ${seconds} s (timeout)`);
    }
    if (progress.phase === 'body') {
        const read = `${progress.read ?? 0} bytes of the body read${progress.announced !== undefined ? ` of ${progress.announced} announced` : ''}`;
        if (code?.startsWith('HPE_')) {
            return text(`the answer broke off: malformed body (${message}, ${code}) after ${read}`);
        }
        return text(`the answer broke off: the connection closed after ${read}`);
    }
    if (progress.phase === 'tunnel' && proxy) {
        if (code === 'ECONNREFUSED')
            return text(`proxy ${proxy.name} refused the connection (${code})`);
        if (code === 'ECONNRESET') {
            return text(`proxy ${proxy.name} closed the connection without answering the CONNECT (${code})`);
        }
        return text(`proxy ${proxy.name} failed: ${networkReason(code, message)}`);
    }
    if (code?.startsWith('HPE_'))
        return text(`malformed answer (${message}, ${code})`);
    return text(networkReason(code, message));
}
function networkReason(code, message) {
    if (code && NETWORK_REASONS[code])
        return `${NETWORK_REASONS[code]} (${code})`;
    // OpenSSL's words for a TLS hello answered in plain text mean nothing to the author; the fix is
    // the scheme (or the port).
    if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(message)) {
        return (`'${Inputs.BaseUrl}' is https:// but the server answered in plain HTTP: use http:// for ` +
            `this server, or the port where it speaks TLS`);
    }
    if (code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO/.test(code)) {
        return `TLS error: ${message} (${code})`;
    }
    return code ? `${message} (${code})` : message;
}
/**
 * The proxy for `target` from HTTPS_PROXY / HTTP_PROXY (by the target's scheme), unless NO_PROXY
 * or a loopback target bypasses it: the rules @actions/http-client applies, from a given env.
 */
function proxyFor(target, env) {
    if (bypassesProxy(target, env))
        return undefined;
    const value = target.protocol === 'https:'
        ? env.https_proxy || env.HTTPS_PROXY
        : env.http_proxy || env.HTTP_PROXY;
    if (!value)
        return undefined;
    let url;
    try {
        url = new URL(/^https?:\/\//i.test(value) ? value : `http://${value}`);
    }
    catch {
        return undefined;
    }
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return { url, name: `${url.hostname}:${port}` };
}
function bypassesProxy(target, env) {
    const host = target.hostname.toLowerCase();
    if (host === 'localhost' ||
        host.startsWith('127.') ||
        host === '[::1]' ||
        host === '[0:0:0:0:0:0:0:1]') {
        return true;
    }
    const noProxy = env.no_proxy || env.NO_PROXY || '';
    const port = target.port || (target.protocol === 'https:' ? '443' : '80');
    const names = [host, `${host}:${port}`];
    return noProxy
        .split(',')
        .map(item => item.trim().toLowerCase())
        .filter(Boolean)
        .some(item => item === '*' ||
        names.some(name => name === item || name.endsWith(item.startsWith('.') ? item : `.${item}`)));
}
/**
 * An agent whose only socket is the one `connect` makes: never pooled, never kept alive, so it
 * lives exactly as long as the attempt.
 */
function agentFor(secure, connect) {
    const agent = secure ? new external_node_https_namespaceObject.Agent() : new external_node_http_namespaceObject.Agent();
    agent.createConnection = () => connect();
    return agent;
}
/** A fresh connection to host:port (through `tunnel` when given), with TLS when `secure`. */
function connectTo(host, port, secure, tunnel, track) {
    if (!secure)
        return tunnel ?? track((0,external_node_net_namespaceObject.connect)({ host, port }));
    // `host` is what the certificate is checked against, with or without a tunnel.
    const where = tunnel ? { socket: tunnel } : { port };
    return track((0,external_node_tls_namespaceObject.connect)({ ...where, host, servername: serverName(host) }));
}
/** `[::1]` as URL.hostname spells it, `::1` as a socket needs it. */
function unbracket(hostname) {
    return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}
/** TLS server name indication carries host names only, never IP literals. */
function serverName(host) {
    return (0,external_node_net_namespaceObject.isIP)(host) ? undefined : host;
}
function describeSize(bytes) {
    return bytes % (1024 * 1024) === 0
        ? `${bytes / (1024 * 1024)} MiB`
        : bytes % 1024 === 0
            ? `${bytes / 1024} KiB`
            : `${bytes} bytes`;
}

;// CONCATENATED MODULE: ./src/core/limiter.ts
// One gate for every request of a run (triggers, lists, polls): a rate with bursts, a cap on
// requests in flight, and a pause that holds everyone back when Refold says it is overloaded.
// Refold's limit is per org, so a 429 seen by one account's request is news for all of them.

// Float arithmetic on 1000 / rate must not turn "exactly due" into a second, tiny sleep.
const EPSILON_MS = 1e-6;
class Limiter {
    options;
    clock;
    intervalMs;
    /** How far ahead of `now` the schedule may run: the burst beyond the first request. */
    toleranceMs;
    /**
     * When the next request would start if requests came back to back at the rate (GCRA's
     * theoretical arrival time): a token bucket holding `burst` tokens, kept as one number.
     */
    nextDue;
    pausedUntil = -Infinity;
    pauseMs = 0;
    active = 0;
    queue = [];
    pumping = false;
    slotFreed;
    constructor(options, clock) {
        this.options = options;
        this.clock = clock;
        const { ratePerSecond, burst, concurrency } = options;
        if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
            throw new RangeError(`Limiter rate must be a positive number, got ${ratePerSecond}`);
        }
        if (!Number.isInteger(burst) || burst < 1) {
            throw new RangeError(`Limiter burst must be a whole number from 1, got ${burst}`);
        }
        if (!Number.isInteger(concurrency) || concurrency < 1) {
            throw new RangeError(`Limiter concurrency must be a whole number from 1, got ${concurrency}`);
        }
        this.intervalMs = 1000 / ratePerSecond;
        this.toleranceMs = (burst - 1) * this.intervalMs;
        // The bucket starts empty: the run paces at the rate from its first request and leaves the
        // org's burst to its production traffic, and to the jitter with which requests arrive, which
        // a run that spent the burst at once would turn into 429s.
        this.nextDue = clock.now() + this.toleranceMs;
    }
    /** Requests running now. */
    get inFlight() {
        return this.active;
    }
    /** Requests waiting for their turn. */
    get waiting() {
        return this.queue.length;
    }
    /**
     * Runs `task` when the rate, the in-flight cap and any pause allow, in the order `run` was
     * called. One call is one request: a retry is a new `run`, so a backoff never holds a slot, and
     * a task must not call `run` itself (with `concurrency` 1 it would wait for itself forever).
     */
    run(task, signal) {
        return new Promise((resolve, reject) => {
            if (signal?.aborted)
                return reject(new NotStarted());
            const waiter = {
                start: () => {
                    signal?.removeEventListener('abort', withdraw);
                    this.active++;
                    let result;
                    try {
                        result = task();
                    }
                    catch (error) {
                        result = Promise.reject(error);
                    }
                    result.then(resolve, reject).finally(() => this.release());
                },
                fail: reject
            };
            // A cancelled run starts no new request: one still waiting for its turn leaves the queue.
            const withdraw = () => {
                const index = this.queue.indexOf(waiter);
                if (index === -1)
                    return;
                this.queue.splice(index, 1);
                reject(new NotStarted());
            };
            signal?.addEventListener('abort', withdraw, { once: true });
            this.queue.push(waiter);
            void this.pump();
        });
    }
    /**
     * Holds back every request not yet started for `ms` from now: Refold's Retry-After, or the
     * backoff delay, applies to the org and so to the whole run. A shorter pause never cuts a longer
     * one short. Requests already in flight are not affected.
     */
    pause(ms) {
        if (!(ms > 0))
            return;
        const until = this.clock.now() + ms;
        if (until > this.pausedUntil) {
            this.pausedUntil = until;
            this.pauseMs = ms;
            // After the pause, pace at the rate again rather than spend a burst Refold just refused.
            this.nextDue = Math.max(this.nextDue, until + this.toleranceMs);
        }
    }
    release() {
        this.active--;
        const wake = this.slotFreed;
        this.slotFreed = undefined;
        wake?.();
    }
    /**
     * Starts waiting requests in order. One pump runs at a time; it either starts the head of the
     * queue, sleeps exactly until the head could start, or waits for a slot to free: never spins.
     */
    async pump() {
        if (this.pumping)
            return;
        this.pumping = true;
        try {
            while (this.queue.length > 0) {
                if (this.active >= this.options.concurrency) {
                    await new Promise(resolve => (this.slotFreed = resolve));
                    continue;
                }
                const wait = this.delayBeforeNext(this.clock.now());
                if (wait > EPSILON_MS) {
                    await this.clock.sleep(wait);
                    continue;
                }
                const now = this.clock.now();
                this.nextDue = Math.max(this.nextDue, now) + this.intervalMs;
                this.queue.shift().start();
            }
        }
        catch (error) {
            // A clock that cannot sleep leaves no way to keep the rate: fail the waiting, do not hang.
            for (const waiter of this.queue.splice(0))
                waiter.fail(error);
        }
        finally {
            this.pumping = false;
        }
    }
    delayBeforeNext(now) {
        // A wall clock set back must not stall the run: nothing legitimately waits longer than the
        // pause that was asked for, or than one interval for a token once the pause is over.
        if (this.pausedUntil <= now) {
            this.pausedUntil = -Infinity;
            this.pauseMs = 0;
        }
        this.pausedUntil = Math.min(this.pausedUntil, now + this.pauseMs);
        // A pause ends with the bucket empty: the first request goes when it ends, the next an
        // interval later.
        const latestDue = this.pausedUntil > now
            ? this.pausedUntil + this.toleranceMs
            : now + this.toleranceMs + this.intervalMs;
        this.nextDue = Math.min(this.nextDue, latestDue);
        const forRate = this.nextDue - this.toleranceMs - now;
        const forPause = this.pausedUntil - now;
        return Math.max(forRate, forPause, 0);
    }
}

;// CONCATENATED MODULE: ./src/core/client.ts
// The Refold API client: one method per endpoint. Every attempt passes the run's rate limiter and
// the retry policy, so callers neither wire retries nor count attempts: each call returns its value
// with every attempt it took, or throws CallFailed carrying them.







class RefoldClient {
    options;
    host;
    constructor(options) {
        this.options = options;
        this.host = new URL(options.baseUrl).host;
    }
    /**
     * One account's trigger, built by `triggerRequest` as a dry run prints it. With `signal`, a
     * cancel keeps an attempt that has not started from going out (NotStarted).
     */
    trigger(parts, signal) {
        const request = triggerRequest(this.options, parts);
        const action = `trigger event ${JSON.stringify(parts.event)}`;
        const read = (answer) => {
            if (!answer.body.trim())
                return { ...answer, message: undefined };
            const json = readJson(answer.body);
            // An HTML page or plain text with a 2xx is not Refold's acceptance: likely a wrong base_url.
            // Not retried: the same address would answer the same.
            if (json === undefined) {
                throw new RefoldApiError({
                    action,
                    host: this.host,
                    status: answer.status,
                    refoldMessage: `answered ${answer.status} with ${describeBody(answer.body)}, not JSON: ` +
                        `is the base URL Refold's API origin?`,
                    body: answer.body
                });
            }
            const message = json?.message;
            return {
                ...answer,
                message: typeof message === 'string' ? cutText(message, MESSAGE_TEXT_LIMIT) : undefined
            };
        };
        return this.call(action, request, read, { signal });
    }
    /** The org's events; needs an org-level key. */
    listEvents() {
        return this.get('list events', Paths.ListEvents, undefined, readEvents);
    }
    listExecutions(account, query) {
        const params = new URLSearchParams({
            page: String(query.page),
            limit: String(query.limit),
            execution_source: 'Event'
        });
        if (query.startDate)
            params.set('start_date', query.startDate);
        if (query.slug)
            params.set('slug', query.slug);
        // Newest first: the executions of an event just fired are on the first page.
        params.set('sortAsc', 'false');
        return this.get('list executions', `${Paths.ListExecutions}?${params}`, account, readExecutionPage);
    }
    getExecution(account, id) {
        return this.get('read an execution', `${Paths.ListExecutions}/${encodeURIComponent(id)}`, account, readExecutionDetail);
    }
    /**
     * Asks Refold to stop an execution (it goes STOPPING, then STOPPED). One attempt, never retried:
     * it is made when the run is out of time, cancelled or past its wait_timeout.
     */
    stopExecution(account, id) {
        const request = {
            method: 'POST',
            url: `${this.options.baseUrl}${Paths.StopExecution.replace('{id}', encodeURIComponent(id))}`,
            headers: this.headers(account)
        };
        return this.call('stop an execution', request, answer => answer, { retries: 0 });
    }
    /** One page of the org's linked accounts; an org-level call, without a linked account. */
    listLinkedAccounts(page, limit) {
        const params = new URLSearchParams({ page: String(page), limit: String(limit) });
        return this.get('list linked accounts', `${Paths.LinkedAccounts}?${params}`, undefined, readLinkedAccountPage);
    }
    get(action, path, account, read) {
        const request = {
            method: 'GET',
            url: `${this.options.baseUrl}${path}`,
            headers: this.headers(account)
        };
        return this.call(action, request, answer => {
            const json = readJson(answer.body);
            if (json === undefined) {
                throw malformed(answer, action, this.host, `expected JSON, got ${describeBody(answer.body)}`);
            }
            const value = read(json);
            if (typeof value === 'string')
                throw malformed(answer, action, this.host, value);
            return value;
        });
    }
    /** The headers of every call but the trigger (which `triggerRequest` builds from the same). */
    headers(account) {
        return {
            ...apiHeaders(this.options.apiKey, account),
            accept: 'application/json',
            'user-agent': USER_AGENT
        };
    }
    /** Attempts `request` under the limiter and the retry policy; `read` may reject the answer. */
    call(action, request, read, { retries = this.options.retries, signal } = {}) {
        const { clock, limiter } = this.options;
        let status = 0;
        return withRetry(async () => {
            const answer = await limiter.run(() => this.once(action, request), signal);
            status = answer.status;
            return read(answer);
        }, retryPolicy(retries), clock, {
            onRetry: this.options.onRetry,
            onRateLimited: ms => limiter.pause(ms),
            outcomeOf: () => `HTTP ${status}`,
            signal
        });
    }
    /** One attempt, bounded by the timeout from the proxy tunnel to the last byte of the body. */
    async once(action, request) {
        let answer;
        try {
            answer = await attempt({
                ...request,
                timeoutMs: this.options.timeoutMs,
                proxyEnv: this.options.proxyEnv,
                secrets: [this.options.apiKey]
            });
        }
        catch (error) {
            throw new NetworkError(action, this.host, error.message, { cause: error });
        }
        if (answer.status < 200 || answer.status > 299)
            throw parseApiError(answer, action, this.host);
        return answer;
    }
}
/**
 * The client of one run, behind the run's one limiter: `rateLimit` requests per second, bursts and
 * requests in flight up to `concurrency`, for every call the run makes.
 */
function clientForRun(settings, host) {
    const limiter = new Limiter({
        ratePerSecond: settings.rateLimit,
        burst: settings.concurrency,
        concurrency: settings.concurrency
    }, host.clock);
    return new RefoldClient({
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        timeoutMs: settings.timeoutMs,
        retries: settings.retries,
        ...host,
        limiter
    });
}

;// CONCATENATED MODULE: ./src/core/fire.ts
// One run's triggers and waits, host-free: the accounts to fire for → one trigger each (→ the
// executions it started) → an Outcome value. Each account's trigger returns what happened, its
// wait returns what it saw, and accountResult folds the two once. It logs as it goes but decides
// nothing about exit codes: the doors do.









const ACCOUNTS_PAGE_SIZE = 100;
/** Pages of linked accounts read at most: 1,000 pages of 100 is far past any org's customers. */
const MAX_ACCOUNT_PAGES = 1000;
const PROGRESS_EVERY_MS = 5000;
/** Accounts a dry run names beside the request it prints; all are in the `results` output. */
const DRY_RUN_NAMED = 20;
const CANCELLED = 'cancelled';
/**
 * Triggers every account, `concurrency` accounts at a time (the client's limiter bounds the
 * requests themselves), until an org-wide refusal or a cancel leaves the rest not sent. With wait,
 * each accepted account starts waiting at once, and its result comes when the wait ends.
 */
async function fireAll(ctx, accounts) {
    const progress = progressLine(accounts.length, ctx.clock, ctx.log);
    const results = [];
    const started = ctx.clock.now();
    let orgRefusal;
    await inTurn(accounts, ctx.settings.concurrency, async (account, index) => {
        const key = accountKey(ctx.keys, account);
        const stop = orgRefusal ?? (ctx.signal.aborted ? CANCELLED : undefined);
        const trigger = stop ? notSent(stop) : await triggerOne(ctx, account, key);
        orgRefusal ??= orgWideRefusal(account, trigger);
        // What the trigger alone says, for the progress and the account's log line.
        const triggered = accountResult(account, key, trigger);
        progress(triggered);
        // A lone account's failure is the step's error line; no need to say it twice.
        if (trigger.kind !== 'not-sent' && (triggered.ok || accounts.length > 1)) {
            ctx.log.info(accountLine(ctx.settings.event, triggered));
        }
        results[index] = settle(ctx, account, key, trigger);
    });
    const durationMs = ctx.clock.now() - started;
    return { results: await Promise.all(results), durationMs };
}
/** The account's result, once its wait (with wait) has seen what it saw. */
async function settle(ctx, account, key, trigger) {
    if (!ctx.settings.wait)
        return accountResult(account, key, trigger);
    // An account whose trigger was not accepted had nothing to wait for: its status is NONE.
    const wait = trigger.kind === 'accepted'
        ? await waitOne(ctx, account, trigger.answer)
        : notWaited(ctx.settings);
    return accountResult(account, key, trigger, wait);
}
/** Every account's result in a dry run: nothing sent, and the request the first would get. */
function dryRun(ctx, accounts) {
    const results = accounts.map(account => accountResult(account, accountKey(ctx.keys, account), { kind: 'dry-run' }));
    const [first, ...others] = results;
    const printed = printRequest(
    // The function the client sends with, so what a dry run shows cannot drift from what is sent.
    triggerRequest(ctx.settings, triggerParts(ctx, first.linkedAccountId, first.idempotencyKey)));
    if (!others.length)
        return { results, printedRequest: printed };
    const named = others
        .slice(0, DRY_RUN_NAMED)
        .map(result => result.linkedAccountId)
        .join(', ');
    const more = others.length > DRY_RUN_NAMED ? `, and ${others.length - DRY_RUN_NAMED} more` : '';
    return {
        results,
        printedRequest: `${printed}\n\nThe same for ${others.length} more linked accounts: ${named}${more}`
    };
}
/** Every account's result when none was sent, for `reason`. */
function notSentAll(ctx, accounts, reason) {
    return accounts.map(account => accountResult(account, accountKey(ctx.keys, account), notSent(reason)));
}
/** Every page of GET /linked-account, read before anything is fired; sorted by code point. */
async function everyLinkedAccount(ctx) {
    const every = `${ctx.naming.setting(Inputs.LinkedAccountId)} "*"`;
    const accounts = new Set();
    let page = 1;
    let total;
    const cancelled = () => new Error(`Cancelled while listing the org's linked accounts for ${every}: no event was fired.`);
    for (let read = 0; read < MAX_ACCOUNT_PAGES; read++) {
        if (ctx.signal.aborted)
            throw cancelled();
        let listed;
        try {
            const answered = await untilAborted(ctx.client.listLinkedAccounts(page, ACCOUNTS_PAGE_SIZE), ctx.graceOver);
            if (answered === ABORTED)
                throw cancelled();
            listed = answered.value;
        }
        catch (error) {
            if (ctx.signal.aborted)
                throw cancelled();
            throw new Error(`Could not list the org's linked accounts for ${every}, so no event was ` +
                `fired: ${error.message}${fire_orgKeyHint(error)}`, { cause: error });
        }
        for (const account of listed.accounts)
            accounts.add(account);
        total ??= listed.totalDocs;
        if (!listed.hasNextPage)
            break;
        if (read + 1 === MAX_ACCOUNT_PAGES) {
            // Firing a partial list would look like a success for accounts that were never named.
            throw new Error(`The org's linked accounts did not end within ${MAX_ACCOUNT_PAGES} pages of ` +
                `${ACCOUNTS_PAGE_SIZE}, so no event was fired; name the accounts instead of "*".`);
        }
        page = pageAfter(page, listed);
    }
    if (!accounts.size) {
        throw new Error(`The org has no linked accounts, so ${every} names none and no event was fired.`);
    }
    if (total !== undefined && total !== accounts.size) {
        // A list that ends early (or says more than it holds) would fire some customers and not others.
        throw new Error(`The org's linked-account list contradicts itself: its pages say ${total} accounts in all ` +
            `(totalDocs) but ${accounts.size} were listed, so no event was fired. Try again, or name the accounts.`);
    }
    ctx.log.info(`Listed ${accounts.size} linked accounts of the org.`);
    return [...accounts].sort(compareCodePoints);
}
/** The accounts of this job's shard, in the order given. */
function shardOf(accounts, shard) {
    return shard ? shardSlice(accounts, shard.index, shard.count) : accounts;
}
/** Unique per run attempt and account, the same on every retry. */
function instanceTag(ctx, account) {
    return `${ctx.tagPrefix}/${encodeURIComponent(account)}`;
}
function notSent(reason) {
    return { kind: 'not-sent', reason };
}
function triggerParts(ctx, account, idempotencyKey) {
    const { event, configId, slug } = ctx.settings;
    return {
        event,
        configId,
        slug,
        account,
        idempotencyKey,
        instanceTag: instanceTag(ctx, account),
        payloadJson: ctx.payloadJson
    };
}
/** The trigger for one account, retried as the policy allows, or cut short by a cancel. */
async function triggerOne(ctx, account, key) {
    const started = ctx.clock.now();
    const durationMs = () => ctx.clock.now() - started;
    const sent = ctx.client.trigger(triggerParts(ctx, account, key), ctx.signal);
    // Past the grace the answer no longer matters; its late failure must not go unhandled.
    sent.catch(() => undefined);
    try {
        const answered = await untilAborted(sent, ctx.graceOver);
        if (answered === ABORTED)
            return { kind: 'unknown', durationMs: durationMs() };
        if (!answered.value.body.trim()) {
            ctx.log.warning(`Refold answered ${answered.value.status} with an empty body for ${account}: taken as accepted.`);
        }
        return { kind: 'accepted', ...answered, answer: answered.value, durationMs: durationMs() };
    }
    catch (error) {
        if (error instanceof NotStarted) {
            // Never sent, or sent before and its retry kept back: then nobody knows what Refold did.
            return error.attemptsBefore.length
                ? { kind: 'unknown', durationMs: durationMs() }
                : notSent(CANCELLED);
        }
        if (!(error instanceof CallFailed))
            throw error;
        const hints = error.last instanceof RefoldApiError ? await hintsFor(ctx, error.last) : [];
        return { kind: 'refused', error, hints, durationMs: durationMs() };
    }
}
/** What to check after a refusal; after a 404 INVALID_EVENT, the closest event names too. */
async function hintsFor(ctx, error) {
    const hints = [hintFor(error, ctx.settings.apiKey, ctx.naming)].filter((hint) => !!hint);
    if (error.status === 404 && error.details.errorCode === 'INVALID_EVENT') {
        // Best effort and only after the failure: the happy path sends exactly one request.
        const names = await ctx.events().then(({ value }) => value.map(event => event.name), () => []);
        const closest = closestEventsHint(ctx.settings.event, names);
        if (closest)
            hints.push(closest);
    }
    return hints;
}
async function waitOne(ctx, account, answer) {
    try {
        return await waitForExecutions(ctx, account, answer, instanceTag(ctx, account));
    }
    catch (error) {
        // The event was fired, so the outcome must still say so: a broken wait is a failed wait.
        return waitBroke(ctx.settings, error);
    }
}
/** One account's result, folded once from its trigger and, with wait, what the wait saw. */
function accountResult(linkedAccountId, idempotencyKey, trigger, wait) {
    const base = {
        linkedAccountId,
        ok: false,
        statusCode: null,
        message: '',
        errorCode: null,
        httpErrorType: null,
        response: '',
        attempts: 0,
        idempotencyKey,
        executionStatus: wait?.status ?? null,
        attemptLog: [],
        durationMs: 0,
        hints: []
    };
    switch (trigger.kind) {
        case 'dry-run':
            return { ...base, ok: true, message: 'Dry run: nothing was sent' };
        case 'not-sent':
            return { ...base, message: `not sent: ${trigger.reason}`, notSent: trigger.reason };
        case 'unknown':
            return {
                ...base,
                message: `unknown: ${CANCELLED} in flight`,
                notSent: `${CANCELLED} in flight`,
                durationMs: trigger.durationMs
            };
        case 'refused': {
            const { error, hints } = trigger;
            const api = error.last instanceof RefoldApiError ? error.last.details : undefined;
            return {
                ...base,
                statusCode: api?.status ?? null,
                message: api?.refoldMessage ?? error.message,
                errorCode: api?.errorCode ?? null,
                httpErrorType: api?.httpErrorType ?? null,
                response: api?.body ?? '',
                attempts: error.attempts.length,
                attemptLog: error.attempts,
                durationMs: trigger.durationMs,
                hints,
                failure: hints.length ? error.withHint(hints.join(' ')) : error
            };
        }
        case 'accepted': {
            const { answer } = trigger;
            const accepted = {
                ...base,
                ok: true,
                statusCode: answer.status,
                message: answer.message ?? '',
                response: answer.body,
                attempts: trigger.attempts.length,
                // A copy of exact size: the list grew by push, and its spare room would otherwise stay
                // with every account's result for the rest of the run (about 150 bytes each).
                attemptLog: [...trigger.attempts],
                durationMs: trigger.durationMs
            };
            if (!wait)
                return accepted;
            return {
                ...accepted,
                wait,
                hints: wait.hint ? [wait.hint] : [],
                ...(wait.ok
                    ? {}
                    : { ok: false, message: wait.headline, failure: new WaitError(wait.headline) })
            };
        }
    }
}
/** A refusal that holds for every account of the org: firing the rest would only repeat it. */
function orgWideRefusal(account, trigger) {
    if (trigger.kind !== 'refused' || !(trigger.error.last instanceof RefoldApiError))
        return undefined;
    const { status, details } = trigger.error.last;
    if (status === 401)
        return `Refold refused the api key (HTTP 401) for ${account}`;
    if (status === 404 && details.errorCode === 'INVALID_EVENT') {
        return `Refold does not know the event (HTTP 404 INVALID_EVENT) for ${account}`;
    }
    return undefined;
}
function fire_orgKeyHint(error) {
    const last = error instanceof CallFailed ? error.last : undefined;
    return last instanceof RefoldApiError && last.status === 401 ? `. ${ORG_KEY_HINT}` : '';
}
/** One log line per account as it finishes. */
function accountLine(event, result) {
    const tries = `${result.attempts} attempt${result.attempts === 1 ? '' : 's'}, ${result.durationMs} ms`;
    if (result.ok) {
        return (`Refold accepted event "${event}" for ${result.linkedAccountId} ` +
            `(HTTP ${result.statusCode} after ${tries})` +
            (result.message ? `: ${forLog(result.message)}` : ''));
    }
    return `Refold did not accept event "${event}" for ${result.linkedAccountId} (${tries}): ${forLog(result.failure?.message ?? result.message)}`;
}
/** For long runs, a line at most every 5 s: how many fired, accepted, failed, the rate, time left. */
function progressLine(total, clock, log) {
    const started = clock.now();
    let last = started;
    let done = 0;
    let accepted = 0;
    return result => {
        done++;
        if (result.ok)
            accepted++;
        const now = clock.now();
        if (total < 2 || now - last < PROGRESS_EVERY_MS)
            return;
        last = now;
        const rate = done / ((now - started) / 1000);
        const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
        log.info(`fired ${done}/${total} · ${accepted} accepted · ${done - accepted} failed · ` +
            `${rate.toFixed(1)}/s${left === undefined ? '' : ` · about ${left} s left`}`);
    };
}
/**
 * Calls `each` for every item, at most `limit` at a time, in order. Bounded on purpose: only the
 * accounts in progress hold memory, and an account not yet started can still be left unsent when
 * the run is cancelled or refused org-wide.
 */
async function inTurn(items, limit, each) {
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            await each(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

;// CONCATENATED MODULE: ./src/core/results-file.ts
// Every account's full result as JSON Lines: what outputs and the summary cannot hold past GitHub's
// limits, and what a later run resumes from (`linked_account_file` with a .jsonl file).




/** Lines written per chunk: large enough to be quick, small enough to keep memory flat. */
const LINES_PER_WRITE = 500;
async function writeResultsFile(file, results) {
    await (0,promises_namespaceObject.mkdir)(external_node_path_namespaceObject.dirname(file), { recursive: true });
    const stream = (0,external_node_fs_namespaceObject.createWriteStream)(file);
    const written = new Promise((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
    });
    for (let start = 0; start < results.length; start += LINES_PER_WRITE) {
        const lines = results.slice(start, start + LINES_PER_WRITE).map(result => JSON.stringify({
            ...resultOutput(result),
            executions: (result.wait?.executions ?? []).map(executionOutput)
        }));
        if (!stream.write(`${lines.join('\n')}\n`)) {
            // A stream that fails (the file cannot be opened, the disk is full) never drains: its error
            // ends the write instead of leaving it waiting, with `written` rejected unhandled.
            const drained = new Promise(resolve => stream.once('drain', () => resolve()));
            await Promise.race([drained, written]);
        }
    }
    stream.end();
    await written;
}

;// CONCATENATED MODULE: ./src/core/run.ts
// The run's sequence, written once for every door: settings → payload → accounts → triggers
// (→ waits) → one Outcome value. A door reads its inputs into Settings, hands in its host (clock,
// log, signal, naming) and renders the Outcome; nothing here decides an exit code.







/** How long requests in flight may still answer after a cancel. */
const CANCEL_GRACE_MS = 2000;
/** Worst first: the order in which several accounts' execution statuses combine. */
const STATUS_ORDER = ['FAILED', 'TIMED_OUT', 'NONE', 'COMPLETED'];
/**
 * One run. Input errors (a payload or accounts file that cannot be used) are thrown as InputError
 * before anything is sent; everything after that is in the Outcome.
 */
async function run(settings, host) {
    const outcome = await fireRun(settings, host);
    const file = host.resultsFile;
    if (!file || (file.severalOnly && outcome.results.length < 2))
        return outcome;
    try {
        await writeResultsFile(file.path, outcome.results);
    }
    catch (error) {
        host.log.warning(`Could not write the results file ${file.path}: ${error.message}`);
        return outcome;
    }
    return { ...outcome, resultsFile: file.path };
}
async function fireRun(settings, host) {
    const { clock, log, naming } = host;
    const payload = await buildPayload(settings, {
        baseDir: host.baseDir,
        githubSummary: host.githubSummary ?? (async () => ({})),
        naming
    });
    const payloadJson = JSON.stringify(payload);
    const selection = await resolveSelection(settings.accounts, host);
    const signal = host.signal ?? new AbortController().signal;
    const keys = keyRule(settings.idempotencyKey ?? '', host.keyPrefix, selection.accounts);
    const client = host.client ??
        clientForRun(settings, { proxyEnv: host.proxyEnv, clock, onRetry: line => log.warning(line) });
    const ctx = {
        settings,
        client,
        clock,
        log,
        signal,
        graceOver: graceAfterAbort(signal, clock),
        events: once(() => client.listEvents()),
        keys,
        tagPrefix: host.tagPrefix,
        payloadJson,
        naming,
        durations: new DurationsSeen(),
        detailReads: { left: MAX_DETAILS }
    };
    const listed = selection.accounts;
    if (listed.kind === 'list' && listed.duplicates.length) {
        log.warning(`These linked accounts are listed more than once and are fired once: ` +
            listed.duplicates.map(id => JSON.stringify(id)).join(', '));
    }
    const checked = await checkBeforeFiring(ctx, listed, payload);
    const outcome = {
        event: settings.event,
        payloadJson,
        dryRun: settings.dryRun,
        results: [],
        ok: false,
        attempts: 0,
        durationMs: 0,
        idempotencyKey: sharedKey(keys),
        cancelled: false,
        preflight: checked.status
    };
    if (checked.failure) {
        // Named accounts keep their place in the results, not sent; "*" was never listed.
        const named = listed.kind === 'list' ? shardOf(listed.accounts, settings.shard) : [];
        return { ...outcome, failure: checked.failure, results: notSentAll(ctx, named, CHECK_FAILED) };
    }
    let everyAccount;
    try {
        everyAccount = listed.kind === 'list' ? listed.accounts : await everyLinkedAccount(ctx);
    }
    catch (error) {
        return { ...outcome, failure: error, cancelled: signal.aborted };
    }
    const accounts = shardOf(everyAccount, settings.shard);
    if (!accounts.length) {
        const notice = selection.notice ??
            `Shard ${settings.shard?.index}/${settings.shard?.count} holds no linked account: nothing to fire.`;
        return { ...outcome, ok: true, notice };
    }
    if (settings.dryRun) {
        const { results, printedRequest } = dryRun(ctx, accounts);
        log.info(`Dry run: this request would be sent (nothing was sent):\n${printedRequest}`);
        return { ...outcome, ...single(results), results, printedRequest, ok: true };
    }
    const { results, durationMs } = await fireAll(ctx, accounts);
    const cancelled = signal.aborted;
    return {
        ...outcome,
        ...single(results),
        results,
        durationMs,
        attempts: results.reduce((sum, result) => sum + result.attempts, 0),
        ok: !cancelled && results.every(result => result.ok),
        cancelled,
        ...(settings.wait ? waitSummary(results, cancelled) : {})
    };
}
/** What a failed check leaves each named account. */
const CHECK_FAILED = 'the check before firing failed';
/** With one account, the key sent is that account's whole key. */
function single(results) {
    return results.length === 1 ? { idempotencyKey: results[0].idempotencyKey } : {};
}
/** The accounts file read into a list (or, for a results file, the accounts left to fire). */
async function resolveSelection(selection, host) {
    if (selection.kind !== 'file')
        return { accounts: selection };
    return readAccountFile(host.baseDir, selection.path, host.naming);
}
/** Every account's executions combined: the worst status, and which rules matched them. */
function waitSummary(results, cancelled) {
    // An account whose trigger was refused or not sent had no execution to wait for.
    const statuses = results.map(result => result.executionStatus ?? 'NONE');
    const rules = new Set(results.flatMap(result => result.wait?.correlation?.split('+') ?? []));
    const correlation = rules.size ? [...rules].sort().join('+') : undefined;
    return {
        executionStatus: cancelled
            ? 'CANCELLED'
            : (STATUS_ORDER.find(status => statuses.includes(status)) ?? 'NONE'),
        ...(correlation ? { correlation } : {})
    };
}
/** Aborted CANCEL_GRACE_MS after `signal` aborts; never when it does not. */
function graceAfterAbort(signal, clock) {
    const grace = new AbortController();
    const start = () => void clock.sleep(CANCEL_GRACE_MS).then(() => grace.abort());
    if (signal.aborted)
        start();
    else
        signal.addEventListener('abort', start, { once: true });
    return grace.signal;
}
function once(make) {
    let made;
    return () => (made ??= make());
}

;// CONCATENATED MODULE: ./src/core/settings.ts
// Every setting read, validated and typed in one place, for every door: the action hands in its
// inputs' text, the CLI its flags under the same names, the library its typed options; defaults
// and rules are one, and messages name each setting the way the door's naming says.




function readSettings(source, naming) {
    const read = new Reader(source, naming);
    // Handed to the host before any validation can quote it or any debug line can print it.
    const apiKey = read.text(Inputs.ApiKey);
    if (apiKey)
        source.secret?.(apiKey);
    if (!fitsInHeader(apiKey)) {
        throw read.invalid(Inputs.ApiKey, 'it contains characters an HTTP header cannot carry (a line break inside the secret?).');
    }
    const dryRun = read.boolean(Inputs.DryRun, false);
    const accounts = readAccounts(read);
    if (!apiKey && dryRun && accounts.kind === 'every') {
        throw new InputError(Inputs.ApiKey, `Missing ${naming.setting(Inputs.ApiKey)}: a dry run with ${naming.setting(Inputs.LinkedAccountId)} "*" ` +
            `lists the org's linked accounts, which needs the key; name the accounts to dry-run without it.`);
    }
    if (!apiKey && !dryRun) {
        throw new InputError(Inputs.ApiKey, `Missing ${naming.setting(Inputs.ApiKey)}: ${naming.apiKeyHelp}`);
    }
    const preflight = readPreflightMode(read);
    if (!apiKey && dryRun && preflight === 'always') {
        throw new InputError(Inputs.ApiKey, `Missing ${naming.setting(Inputs.ApiKey)}: ${naming.setting(Inputs.Preflight)} true checks ` +
            `the event against Refold, which needs the key, even in a dry run.`);
    }
    const event = read.required(Inputs.Event);
    const payload = readPayloadSource(read);
    const configId = read.header(Inputs.ConfigId);
    const slug = read.header(Inputs.Slug);
    const settings = {
        apiKey,
        event,
        accounts,
        shard: parseShard(read.text(Inputs.Shard), naming),
        configId: configId || undefined,
        slug: slug || undefined,
        payload,
        githubContext: read.choice(Inputs.GithubContext, GITHUB_CONTEXT_MODES, 'auto'),
        baseUrl: readBaseUrl(read),
        timeoutMs: read.seconds(Inputs.Timeout, 30, TIMEOUT_RANGE),
        retries: read.number(Inputs.Retries, 3, RETRIES_RANGE),
        failOnError: read.boolean(Inputs.FailOnError, true),
        idempotencyKey: read.header(Inputs.IdempotencyKey) || undefined,
        dryRun,
        wait: read.boolean(Inputs.Wait, false),
        waitTimeoutMs: read.seconds(Inputs.WaitTimeout, 600, WAIT_TIMEOUT_RANGE),
        waitIntervalMs: read.seconds(Inputs.WaitInterval, 10, WAIT_INTERVAL_RANGE),
        waitSettleMs: read.seconds(Inputs.WaitSettle, 10, WAIT_SETTLE_RANGE),
        expectedWorkflows: read.isSet(Inputs.ExpectedWorkflows)
            ? read.number(Inputs.ExpectedWorkflows, 1, EXPECTED_WORKFLOWS_RANGE)
            : undefined,
        stopUnfinished: read.boolean(Inputs.StopUnfinished, false),
        preflight,
        summary: read.boolean(Inputs.Summary, true),
        rateLimit: read.number(Inputs.RateLimit, 10, RATE_LIMIT_RANGE),
        concurrency: read.number(Inputs.Concurrency, 5, CONCURRENCY_RANGE)
    };
    source.debug?.(`Settings: ${JSON.stringify({ ...settings, apiKey: apiKey ? '***' : '' })}`);
    return settings;
}
/** `linked_account_id` (text, a list, or `*`) or `linked_account_file`, never both. */
function readAccounts(read) {
    const file = read.text(Inputs.LinkedAccountFile);
    const given = read.value(Inputs.LinkedAccountId);
    const named = Array.isArray(given) ? given.length > 0 : read.text(Inputs.LinkedAccountId) !== '';
    if (file && named) {
        throw read.invalid(Inputs.LinkedAccountFile, `set it or ${read.naming.setting(Inputs.LinkedAccountId)}, not both.`);
    }
    if (file)
        return { kind: 'file', path: file };
    if (Array.isArray(given)) {
        if (!given.every(id => typeof id === 'string')) {
            throw read.invalid(Inputs.LinkedAccountId, 'every linked account id must be a string.');
        }
        return parseAccounts(given, read.naming);
    }
    return parseAccounts(read.text(Inputs.LinkedAccountId), read.naming);
}
/** `payload` (inline text, or the library's object) or `payload_file`, never both. */
function readPayloadSource(read) {
    const given = read.value(Inputs.Payload);
    const file = read.text(Inputs.PayloadFile);
    const isObject = typeof given === 'object' && given !== null && !Array.isArray(given);
    const inline = isObject ? '' : typeof given === 'string' ? given : read.text(Inputs.Payload);
    if ((isObject || inline.trim()) && file) {
        throw read.invalid(Inputs.PayloadFile, `set it or ${read.naming.setting(Inputs.Payload)}, not both.`);
    }
    if (isObject)
        return { kind: 'value', value: given };
    if (inline.trim())
        return { kind: 'inline', text: inline };
    return file ? { kind: 'file', path: file } : { kind: 'none' };
}
// The documented ranges (action.yml and docs/limits.md say the same). Every bound keeps the step finite:
// a timeout past 2^31 ms overflows setTimeout into 1 ms, an interval near 0 polls in a tight loop.
const TIMEOUT_RANGE = secondsRange(1, 600);
const RETRIES_RANGE = { min: 0, max: 10, integer: true };
const WAIT_TIMEOUT_RANGE = secondsRange(1, 21_600);
const WAIT_INTERVAL_RANGE = secondsRange(1, 300);
const WAIT_SETTLE_RANGE = secondsRange(0, 300);
const EXPECTED_WORKFLOWS_RANGE = { min: 1, max: 1000, integer: true };
const RATE_LIMIT_RANGE = { min: 0.1, max: 1000, integer: false };
const CONCURRENCY_RANGE = { min: 1, max: 20, integer: true };
function secondsRange(min, max) {
    return { min, max, integer: false, unit: 'seconds' };
}
// The values core.getBooleanInput accepts (YAML 1.2 core schema booleans); an empty input takes
// the default, as it does when a workflow runs the action outside action.yml's defaults.
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
const GITHUB_CONTEXT_MODES = ['auto', 'always', 'never'];
/**
 * Reads one setting at a time with the rules every door shares: text is trimmed and parsed
 * strictly, a typed value (the library's) is checked against the same ranges, and every message
 * names the setting the door's way and quotes what was given.
 */
class Reader {
    source;
    naming;
    constructor(source, naming) {
        this.source = source;
        this.naming = naming;
    }
    value(input) {
        return this.source.read(input);
    }
    isSet(input) {
        const value = this.value(input);
        return value !== undefined && value !== null && String(value).trim() !== '';
    }
    invalid(input, problem) {
        return new InputError(input, `Invalid ${this.naming.setting(input)}: ${problem}`);
    }
    /** A text setting, trimmed; '' when unset. */
    text(input) {
        const value = this.value(input);
        if (value === undefined || value === null)
            return '';
        if (typeof value !== 'string')
            throw this.invalid(input, `${quote(value)} is not a string.`);
        return value.trim();
    }
    required(input) {
        const value = this.text(input);
        if (!value) {
            throw new InputError(input, `Missing ${this.naming.setting(input)}: it is required.`);
        }
        return value;
    }
    /** A text setting sent as a request header. */
    header(input) {
        const value = this.text(input);
        if (!fitsInHeader(value)) {
            throw this.invalid(input, `${quote(value)} contains characters an HTTP header cannot carry.`);
        }
        return value;
    }
    boolean(input, fallback) {
        const value = this.value(input);
        if (typeof value === 'boolean')
            return value;
        const text = this.text(input);
        if (text === '')
            return fallback;
        if (TRUE_VALUES.includes(text))
            return true;
        if (FALSE_VALUES.includes(text))
            return false;
        throw this.invalid(input, `${quote(text)} is not true or false.`);
    }
    /**
     * A number within its range. Text must be plain decimal digits (no sign, exponent, hex or
     * "Infinity", which Number() would take).
     */
    number(input, fallback, range) {
        const value = this.value(input);
        const text = typeof value === 'number' ? '' : this.text(input);
        const pattern = range.integer ? /^\d+$/ : /^(?:\d+\.?\d*|\.\d+)$/;
        const number = typeof value === 'number' ? value : text === '' ? fallback : Number(text);
        const fits = Number.isFinite(number) &&
            number >= range.min &&
            number <= range.max &&
            (!range.integer || Number.isInteger(number));
        if (!fits || (text !== '' && !pattern.test(text))) {
            const kind = range.integer ? 'a whole number' : 'a number';
            const of = range.unit ? ` of ${range.unit}` : '';
            const given = typeof value === 'number' ? String(value) : quote(text);
            throw this.invalid(input, `${given} is not ${kind}${of} from ${range.min} to ${range.max}.`);
        }
        return number;
    }
    /** Seconds, in milliseconds (rounded: 1.1 s is 1100 ms, not 1100.0000000000002). */
    seconds(input, fallback, range) {
        return Math.round(this.number(input, fallback, range) * 1000);
    }
    choice(input, choices, fallback) {
        const text = this.text(input) || fallback;
        const choice = choices.find(c => c === text);
        if (!choice)
            throw this.invalid(input, `${quote(text)} is not one of ${choices.join(', ')}.`);
        return choice;
    }
}
function quote(value) {
    return JSON.stringify(value) ?? String(value);
}
/** `auto`, or a boolean: true always checks, false never does. */
function readPreflightMode(read) {
    const value = read.value(Inputs.Preflight);
    if (typeof value === 'boolean')
        return value ? 'always' : 'never';
    const text = read.text(Inputs.Preflight);
    if (text === '' || text === 'auto')
        return 'auto';
    if (TRUE_VALUES.includes(text))
        return 'always';
    if (FALSE_VALUES.includes(text))
        return 'never';
    throw read.invalid(Inputs.Preflight, `${quote(text)} is not one of auto, true, false.`);
}
function readBaseUrl(read) {
    const value = read.text(Inputs.BaseUrl) || DEFAULT_BASE_URL;
    const invalid = (problem) => read.invalid(Inputs.BaseUrl, `${JSON.stringify(withoutCredentials(value))} ${problem}`);
    let url;
    try {
        url = new URL(value);
    }
    catch {
        // reported below with the expected form
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        throw invalid(`is not an http:// or https:// URL such as ${DEFAULT_BASE_URL}.`);
    }
    if (url.username || url.password) {
        throw invalid(`has credentials in it, which are not allowed; the key goes in ${read.naming.setting(Inputs.ApiKey)}.`);
    }
    // The raw text, not url.search/url.hash: a bare "?" or "#" parses to '' yet would still end the
    // path the request is sent to.
    if (/[?#]/.test(value)) {
        throw invalid(`has a query or fragment ("?" or "#"); give the origin and an optional path prefix, such as ${DEFAULT_BASE_URL}.`);
    }
    return url.href.replace(/\/+$/, '');
}
/**
 * A URL as it may be quoted in an error: everything up to the last "@" of what could be its
 * authority is dropped, so a user name or password (even one holding "/" or ":") never shows.
 */
function withoutCredentials(value) {
    const scheme = /^[a-z][a-z0-9+.-]*:(?:\/\/)?/i.exec(value)?.[0] ?? '';
    const rest = value.slice(scheme.length);
    const at = rest.lastIndexOf('@');
    return at === -1 ? value : `${scheme}***@${rest.slice(at + 1)}`;
}

// EXTERNAL MODULE: ./src/cancel.ts
var cancel = __nccwpck_require__(833);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/flags.ts
// Generated from action.yml by `npm run docs` (script/docs.js): edit action.yml, not this file.
// `npm run check-docs` fails when this file is stale.
/** Every input of action.yml, in its order. */
const ACTION_FLAGS = [
    {
        flag: 'api-key',
        input: 'api_key',
        required: false,
        default: '',
        description: 'Refold API key (production keys start with pk, test keys with tk). Required unless dry_run.',
        takesValue: true
    },
    {
        flag: 'event',
        input: 'event',
        required: true,
        default: '',
        description: 'Name of the Refold event to fire, exact case.',
        takesValue: true
    },
    {
        flag: 'linked-account-id',
        input: 'linked_account_id',
        required: false,
        default: '',
        description: 'The linked account (your customer) the event is for; or several, one per line; or * for every linked account of the org. Required unless linked_account_file is set.',
        takesValue: true
    },
    {
        flag: 'linked-account-file',
        input: 'linked_account_file',
        required: false,
        default: '',
        description: "Path, relative to the workspace, of a file of linked account ids (one per line; blank lines and lines starting with # ignored), or of an earlier run's .jsonl results file to fire again only the accounts that did not end ok. Exclusive with linked_account_id.",
        takesValue: true
    },
    {
        flag: 'shard',
        input: 'shard',
        required: false,
        default: '',
        description: 'i/n: fire only the i-th of n slices of the account list, for a matrix of n jobs. Empty fires every account.',
        takesValue: true
    },
    {
        flag: 'config-id',
        input: 'config_id',
        required: false,
        default: '',
        description: 'Config id of the linked account; sent as the config_id header when set.',
        takesValue: true
    },
    {
        flag: 'slug',
        input: 'slug',
        required: false,
        default: '',
        description: "Application slug; when set, only that app's workflows run.",
        takesValue: true
    },
    {
        flag: 'payload',
        input: 'payload',
        required: false,
        default: '',
        description: 'Event payload, a JSON or YAML object written inline. Larger payloads go in payload_file.',
        takesValue: true
    },
    {
        flag: 'payload-file',
        input: 'payload_file',
        required: false,
        default: '',
        description: 'Path, relative to the workspace, of a .json, .yml or .yaml file holding the payload. Regular files only (no FIFO or device), at most 10 MiB; a UTF-8 byte-order mark is ignored.',
        takesValue: true
    },
    {
        flag: 'github-context',
        input: 'github_context',
        required: false,
        default: 'auto',
        description: 'How the GitHub context enters the payload: auto (only when no payload is given), always (under the key github) or never.',
        takesValue: true
    },
    {
        flag: 'base-url',
        input: 'base_url',
        required: false,
        default: 'https://api.gocobalt.io',
        description: 'Refold API origin (http:// or https://) with an optional path prefix, e.g. https://app.refold.ai or your self-hosted domain; no credentials, query or fragment.',
        takesValue: true
    },
    {
        flag: 'timeout',
        input: 'timeout',
        required: false,
        default: '30',
        description: 'Seconds allowed for one HTTP attempt (connect and response), from 1 to 600.',
        takesValue: true
    },
    {
        flag: 'retries',
        input: 'retries',
        required: false,
        default: '3',
        description: 'Retries after the first attempt, for retryable failures only; a whole number from 0 to 10.',
        takesValue: true
    },
    {
        flag: 'rate-limit',
        input: 'rate_limit',
        required: false,
        default: '10',
        description: 'Most requests per second sent to Refold, every call counted (triggers, lists, polls); 0.1-1000.',
        takesValue: true
    },
    {
        flag: 'concurrency',
        input: 'concurrency',
        required: false,
        default: '5',
        description: 'Most requests in flight at once (1-20).',
        takesValue: true
    },
    {
        flag: 'no-fail-on-error',
        input: 'fail_on_error',
        required: false,
        default: 'true',
        description: 'When false, a failed trigger or wait is a warning and the step succeeds; input errors still fail.',
        takesValue: false,
        sets: 'false'
    },
    {
        flag: 'idempotency-key',
        input: 'idempotency_key',
        required: false,
        default: '',
        description: 'Sent as the Idempotency-Key header on every attempt. Default: derived from the repository, run, job, step and event (not the run attempt, so a re-run sends the same key), then /<account>. A key given here is sent as is when linked_account_id names one account, and as <key>/<account> for several or *.',
        takesValue: true
    },
    {
        flag: 'dry-run',
        input: 'dry_run',
        required: false,
        default: 'false',
        description: 'Validate the inputs and build the payload, print the request and set outputs, but send nothing.',
        takesValue: false,
        sets: 'true'
    },
    {
        flag: 'wait',
        input: 'wait',
        required: false,
        default: 'false',
        description: 'After the event is accepted, wait for the workflow executions it started and fail when one fails.',
        takesValue: false,
        sets: 'true'
    },
    {
        flag: 'wait-timeout',
        input: 'wait_timeout',
        required: false,
        default: '600',
        description: 'Seconds to wait for the executions to finish, from 1 to 21600 (6 hours).',
        takesValue: true
    },
    {
        flag: 'wait-interval',
        input: 'wait_interval',
        required: false,
        default: '10',
        description: "Longest gap in seconds between polls of the executions API while no workflow's duration is known (once one is, polls are timed from it), from 1 to 300.",
        takesValue: true
    },
    {
        flag: 'wait-settle',
        input: 'wait_settle',
        required: false,
        default: '10',
        description: 'Seconds after the trigger before the gate may give its verdict, so a workflow listed a little late is still gated; from 0 to 300.',
        takesValue: true
    },
    {
        flag: 'expected-workflows',
        input: 'expected_workflows',
        required: false,
        default: '',
        description: "How many workflow executions each account's trigger starts; when set, the gate waits for that many instead of the settle window. A whole number from 1.",
        takesValue: true
    },
    {
        flag: 'stop-unfinished',
        input: 'stop_unfinished',
        required: false,
        default: 'false',
        description: 'When the step is cancelled or the wait runs out, stop the matched executions still in progress.',
        takesValue: false,
        sets: 'true'
    },
    {
        flag: 'preflight',
        input: 'preflight',
        required: false,
        default: 'auto',
        description: "Check the event and the payload against the event's schema in Refold before anything is fired: auto (when several accounts are named, with wait, or in a dry run), true (always) or false (never).",
        takesValue: true
    },
    {
        flag: 'no-summary',
        input: 'summary',
        required: false,
        default: 'true',
        description: 'Write a job summary.',
        takesValue: false,
        sets: 'false'
    }
];

;// CONCATENATED MODULE: ./src/cli/args.ts
// The command line's way in: argv becomes the action's inputs as raw text, keyed by their
// action.yml names, so the core validates them with the action's own messages and defaults.
// util.parseArgs splits argv; this module holds the result to the command line's shape (known
// flags, values present, no positionals) and says what is wrong in the command line's words.


/** The command line is malformed: exit 2, nothing sent. The message never quotes a flag's value. */
class UsageError extends Error {
    flag;
    name = 'UsageError';
    constructor(message, 
    /** The flag at fault as written, without any `=value`; absent for a stray argument. */
    flag) {
        super(`${message} Run refold-trigger --help for the flags.`);
        this.flag = flag;
    }
}
/** The environment variable the API key is read from: the only way to give it. */
const API_KEY_ENV = 'REFOLD_API_KEY';
/** Inputs of action.yml the command line offers no flag for, and what asking for one says. */
const LEFT_OUT_INPUTS = {
    api_key: `the API key is read only from the environment variable ${API_KEY_ENV}, since a flag would ` +
        `leak it into process lists and shell history. Set ${API_KEY_ENV} instead.`,
    github_context: 'the command line has no GitHub context to add to the payload.',
    summary: 'the command line writes no job summary (--json prints the outputs).'
};
/** Inputs the command line always sets, whatever argv says. */
const FIXED_INPUTS = {
    github_context: 'never',
    summary: 'false'
};
/** The one input whose flag may be given many times: the values become its lines. */
const REPEATABLE_INPUT = 'linked_account_id';
/** The action's inputs that are flags on the command line, in action.yml's order. */
const INPUT_FLAGS = ACTION_FLAGS.filter(spec => !(spec.input in LEFT_OUT_INPUTS));
/** Flags of the command line alone; `value` names the value of the one that takes one. */
const CLI_FLAGS = [
    {
        flag: 'json',
        description: "Print the run's results as one JSON object on stdout (ok, message, results and the rest, " +
            'with their JSON types), whether the run succeeds or not. The log goes to stderr either way.'
    },
    {
        flag: 'results-file',
        value: 'path',
        description: "Write every account's result (with its executions) to this file as JSON Lines, one " +
            'object per line, for any number of accounts; a path relative to the current directory, ' +
            'its folder created when missing. Give the file to --linked-account-file later to fire ' +
            'again only the accounts that did not end ok.'
    },
    { flag: 'help', short: 'h', description: 'Print this help and exit.' },
    { flag: 'version', description: 'Print the version and exit.' }
];
/**
 * How the command line names an input of action.yml in a message: its flag (`--wait-timeout`,
 * `--no-fail-on-error`), or `REFOLD_API_KEY` for the key. Throws for an input the user cannot
 * set on the command line (the ones it fixes) or that action.yml does not have: a message naming
 * one would be a bug.
 */
function flagFor(inputName) {
    if (inputName === 'api_key')
        return API_KEY_ENV;
    const spec = INPUT_FLAGS.find(candidate => candidate.input === inputName);
    if (!spec)
        throw new Error(`The command line has no flag for the input '${inputName}'.`);
    return `--${spec.flag}`;
}
/** Reads argv (without node and the script). Throws `UsageError`. */
function parseArgs(argv) {
    if (argv.length === 0)
        return { kind: 'usage' };
    // Not parseArgs' strict mode: it refuses any value that starts with a dash (`--retries -1`, a
    // YAML payload opening with ---) and its errors name no flag, so the checks are made here.
    const { values, tokens } = (0,external_node_util_namespaceObject.parseArgs)({
        args: [...argv],
        options: OPTIONS,
        strict: false,
        allowPositionals: true,
        tokens: true
    });
    const given = new Set();
    for (const token of tokens) {
        if (token.kind !== 'option')
            throw unexpectedArgument(argv[token.index]);
        const written = token.rawName;
        const known = KNOWN_FLAGS.get(token.name);
        if (!known)
            throw unknownFlag(token.name, written);
        if (given.has(token.name) && known.input !== REPEATABLE_INPUT) {
            throw new UsageError(`Flag ${written} is given twice; only --linked-account-id may be repeated.`, written);
        }
        given.add(token.name);
        if (!known.takesValue && token.value !== undefined) {
            throw new UsageError(`Flag ${written} takes no value: write ${written} alone.`, written);
        }
        if (known.takesValue)
            checkValue(token.value, token.inlineValue, written);
        if (token.name === 'help')
            return { kind: 'help' };
        if (token.name === 'version')
            return { kind: 'version' };
    }
    const inputs = {};
    for (const spec of INPUT_FLAGS) {
        const value = values[spec.flag];
        if (value === undefined)
            continue;
        // The core reads one account per line, so a repeated flag's values become lines.
        inputs[spec.input] = spec.takesValue ? [value].flat().join('\n') : spec.sets;
    }
    const resultsFile = values['results-file'];
    if (resultsFile === '') {
        throw new UsageError('Flag --results-file needs a path: --results-file <path>.', '--results-file');
    }
    return {
        kind: 'run',
        inputs: { ...inputs, ...FIXED_INPUTS },
        json: values.json === true,
        ...(typeof resultsFile === 'string' ? { resultsFile } : {})
    };
}
/**
 * The `read` the core's input reading takes: each input by its action.yml name, '' when not
 * given, and `api_key` from the environment (`REFOLD_API_KEY`) the caller hands in.
 */
function cliInputReader(inputs, apiKey) {
    return inputName => (inputName === 'api_key' ? (apiKey ?? '') : (inputs[inputName] ?? ''));
}
/** Every flag by name: the action's inputs, then the command line's own. */
const KNOWN_FLAGS = new Map([
    ...INPUT_FLAGS.map(spec => [spec.flag, { takesValue: spec.takesValue, input: spec.input }]),
    ...CLI_FLAGS.map(spec => [spec.flag, { takesValue: 'value' in spec }])
]);
const OPTIONS = Object.fromEntries([
    ...INPUT_FLAGS.map(spec => [
        spec.flag,
        spec.takesValue
            ? { type: 'string', multiple: spec.input === REPEATABLE_INPUT }
            : { type: 'boolean' }
    ]),
    ...CLI_FLAGS.map(spec => [
        spec.flag,
        { type: 'value' in spec ? 'string' : 'boolean', ...('short' in spec && { short: spec.short }) }
    ])
]);
/** A flag that takes a value got one, and not the next flag by mistake. */
function checkValue(value, inline, written) {
    if (value === undefined) {
        throw new UsageError(`Flag ${written} needs a value: ${written} <value> or ${written}=<value>.`, written);
    }
    if (!inline && looksLikeFlag(value)) {
        throw new UsageError(`Flag ${written} needs a value, but ${flagPart(value)} follows it ` +
            `(for a value that starts with a dash, write ${written}=<value>).`, written);
    }
}
function unexpectedArgument(arg) {
    return new UsageError(`Unexpected argument ${JSON.stringify(arg)}: every value follows its flag, ` +
        'e.g. --event "Release Published" (a value with spaces needs quotes).');
}
/** An unknown flag: the left-out input it names, or the flag it most likely meant. */
function unknownFlag(name, written) {
    const normalized = name.toLowerCase().replace(/_/g, '-');
    const leftOut = ACTION_FLAGS.find(spec => spec.input in LEFT_OUT_INPUTS && unnegated(spec.flag) === unnegated(normalized));
    if (leftOut) {
        return new UsageError(`There is no ${written} flag: ${LEFT_OUT_INPUTS[leftOut.input]}`, written);
    }
    const closest = [...KNOWN_FLAGS.keys()].find(flag => flag === normalized || unnegated(flag) === unnegated(normalized));
    return new UsageError(`Unknown flag ${written}${closest ? ` (did you mean --${closest}?)` : ''}.`, written);
}
function unnegated(flag) {
    return flag.replace(/^no-/, '');
}
/** The next argument is a flag rather than a value (`-` alone is a value: standard input). */
function looksLikeFlag(arg) {
    return /^--[a-z]/i.test(arg) || arg === '-h';
}
/** A flag as written, without its value: the value may be a secret given by mistake. */
function flagPart(arg) {
    const eq = arg.indexOf('=');
    return eq < 0 ? arg : arg.slice(0, eq);
}

;// CONCATENATED MODULE: ./src/cli/help.ts
// What `--help`, `--version` and a bare `refold-trigger` print. The flags and their descriptions
// come from action.yml (via the generated flags.ts), reworded where action.yml speaks of the
// action's host (steps, outputs, the workspace, input names), so both doors document one thing.


const VERSION = package_namespaceObject.rE;
/** Descriptions of action.yml that only make sense in a GitHub job, as the command line says them. */
const COMMAND_LINE_WORDING = {
    'config-id': 'Config id of the linked account, sent to Refold as a header when given.',
    'no-fail-on-error': 'A failed trigger or wait is only a warning and the exit status is 0; usage and input errors ' +
        'still exit with 2.',
    'idempotency-key': 'Sent as the Idempotency-Key header on every attempt. Default: a UUID drawn once per run ' +
        '(so retries share it), then /<account>. A key given here is sent as is when ' +
        '--linked-account-id names one account, and as <key>/<account> for several or *.',
    'dry-run': 'Check the flags and build the payload, print the request (and with --json the results), ' +
        'but send nothing.',
    'stop-unfinished': 'When the run is interrupted (SIGINT or SIGTERM) or the wait runs out, stop the matched ' +
        'executions still in progress.'
};
/** What only the command line adds to an input's description. */
const COMMAND_LINE_NOTES = {
    'linked-account-id': 'Repeat the flag for several accounts.',
    'payload-file': 'A path of - reads the payload from standard input.'
};
const USAGE = [
    'Usage: refold-trigger --event <name> --linked-account-id <id> [flags]',
    '       refold-trigger --event <name> --linked-account-file <path> [flags]'
].join('\n');
const WIDTH = 100;
const INDENT = 6;
/** `--version`: the version alone, so scripts can read it. Ends with a newline. */
function versionText() {
    return `${VERSION}\n`;
}
/** No arguments at all: the usage line and where to read more. Ends with a newline. */
function usageText() {
    return `${USAGE}\nRun refold-trigger --help for every flag.\n`;
}
/** `--help`: usage, every flag with its description, the key, the exit codes. Ends with a newline. */
function helpText() {
    const inputs = INPUT_FLAGS.map(spec => {
        const notes = [
            COMMAND_LINE_WORDING[spec.flag] ?? forCommandLine(spec.description),
            COMMAND_LINE_NOTES[spec.flag],
            spec.required ? 'Required.' : undefined,
            spec.takesValue && spec.default !== '' ? `Default: ${spec.default}.` : undefined
        ];
        return entry(`--${spec.flag}${spec.takesValue ? ' <value>' : ''}`, notes.filter(note => note !== undefined).join(' '));
    });
    const own = CLI_FLAGS.map(spec => {
        const value = 'value' in spec ? ` <${spec.value}>` : '';
        const short = 'short' in spec ? `, -${spec.short}` : '';
        return entry(`--${spec.flag}${value}${short}`, spec.description);
    });
    return [
        `refold-trigger ${VERSION}: fire a Refold event from any CI job or script, as the GitHub Action does.`,
        '',
        USAGE,
        '',
        ...wrap(`The API key is read from the environment variable ${API_KEY_ENV}, never from a flag ` +
            '(a flag would leak it into process lists and shell history); --dry-run needs none.', 0),
        '',
        'Flags of the run (write a value as --flag <value> or --flag=<value>):',
        ...inputs.flat(),
        '',
        'Flags of the command line:',
        ...own.flat(),
        '',
        'The log goes to stderr. Exit status: 0 success (or a failure with --no-fail-on-error),',
        '1 Refold refused the event or a wait failed, 2 a usage or input error (nothing was sent),',
        '130 interrupted by SIGINT (Ctrl-C), 143 stopped by SIGTERM.',
        ''
    ].join('\n');
}
/** An action.yml description in the command line's words: flags for input names, paths from here. */
function forCommandLine(description) {
    let text = description.replace(/relative to the workspace/g, 'relative to the current directory');
    for (const spec of INPUT_FLAGS) {
        if (spec.input.includes('_')) {
            text = text.replace(new RegExp(`\\b${spec.input}\\b`, 'g'), flagFor(spec.input));
        }
    }
    return text;
}
/** A flag on its own line, its description wrapped and indented under it. */
function entry(flag, description) {
    return [`  ${flag}`, ...wrap(description, INDENT)];
}
function wrap(text, indent) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && indent + line.length + 1 + word.length > WIDTH) {
            lines.push(' '.repeat(indent) + line);
            line = word;
        }
        else {
            line = line ? `${line} ${word}` : word;
        }
    }
    if (line)
        lines.push(' '.repeat(indent) + line);
    return lines;
}

;// CONCATENATED MODULE: ./src/cli/io.ts
// What the command line reads and prints besides its flags: standard input for
// `--payload-file -`, and the outputs as one JSON object with their JSON types for `--json`.




/** The outputs with their JSON types: `payload` and `response` as JSON values when they parse. */
function jsonOutputs(outcome) {
    const outputs = { ...outcomeOutputs(outcome) };
    for (const name of ['payload', 'response']) {
        const text = outputs[name];
        if (typeof text !== 'string' || !text)
            continue;
        try {
            outputs[name] = JSON.parse(text);
        }
        catch {
            // Not JSON (an HTML error page, a cut body): kept as the text it is.
        }
    }
    return outputs;
}
/** `--payload-file -`: standard input becomes the inline payload; empty input is an error. */
async function withStdinPayload(inputs, stdin) {
    if (inputs[Inputs.PayloadFile]?.trim() !== '-')
        return inputs;
    const text = await readAll(stdin);
    if (!text.trim()) {
        throw new InputError(Inputs.PayloadFile, 'Invalid --payload-file -: standard input is empty; pipe the payload in, or leave out --payload-file.');
    }
    return { ...inputs, [Inputs.PayloadFile]: '', [Inputs.Payload]: text };
}
/** Standard input, bounded like a payload file. */
async function readAll(stream) {
    const chunks = [];
    let bytes = 0;
    for await (const chunk of stream) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        bytes += buffer.length;
        if (bytes > MAX_PAYLOAD_FILE_BYTES) {
            throw new InputError(Inputs.PayloadFile, `Invalid --payload-file -: standard input holds more than ${MAX_PAYLOAD_FILE_BYTES / 1024 / 1024} MiB, the most a payload may be.`);
        }
        chunks.push(buffer);
    }
    return Buffer.concat(chunks)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// The command line's story of one run: argv → settings → the core's run → exit status. The only
// place that decides the CLI's exit code: 0 success, 1 Refold refused or a wait failed, 2 a usage
// or input error (nothing sent), 130/143 interrupted. The log goes to stderr; --json prints the
// outputs with their JSON types.












const ExitCode = { Ok: 0, Failed: 1, Usage: 2 };
const cliNaming = {
    setting: flagFor,
    name: flagFor,
    pathsRelativeTo: 'the current directory',
    apiKeyHelp: `set the api key in the environment variable ${API_KEY_ENV}, or use --dry-run with named accounts.`
};
async function main_run(argv, env, io, clock = systemClock, cancellation) {
    const apiKey = env[API_KEY_ENV]?.trim() ?? '';
    // Nothing printed may carry the key, even one pasted by mistake into a flag's value.
    const print = (line) => io.stderr.write(`${redact(line, [apiKey])}\n`);
    const log = {
        info: print,
        notice: print,
        warning: (line) => print(`warning: ${line}`)
    };
    let parsed;
    try {
        parsed = parseArgs(argv);
    }
    catch (error) {
        if (!(error instanceof UsageError))
            throw error;
        print(`refold-trigger: ${error.message}`);
        return ExitCode.Usage;
    }
    if (parsed.kind === 'usage') {
        io.stderr.write(usageText());
        return ExitCode.Usage;
    }
    if (parsed.kind !== 'run') {
        io.stdout.write(parsed.kind === 'help' ? helpText() : versionText());
        return ExitCode.Ok;
    }
    // One UUID per invocation: retries and accounts share it; passing it back with
    // --idempotency-key makes a re-run send the same keys.
    const uuid = (0,external_node_crypto_namespaceObject.randomUUID)();
    let settings;
    let outcome;
    try {
        const inputs = await withStdinPayload(parsed.inputs, io.stdin);
        settings = readSettings({ read: cliInputReader(inputs, apiKey) }, cliNaming);
        if (!settings.idempotencyKey && !settings.dryRun) {
            print(`Idempotency key: ${uuid} (pass --idempotency-key ${uuid} to send the same keys again)`);
        }
        outcome = await run(settings, {
            clock,
            log,
            signal: cancellation?.signal,
            proxyEnv: env,
            naming: cliNaming,
            baseDir: process.cwd(),
            keyPrefix: uuid,
            tagPrefix: uuid,
            resultsFile: parsed.resultsFile
                ? { path: external_node_path_namespaceObject.resolve(parsed.resultsFile), severalOnly: false }
                : undefined
        });
    }
    catch (error) {
        if (!(error instanceof InputError))
            throw error;
        print(`refold-trigger: ${error.message}`);
        return ExitCode.Usage;
    }
    if (outcome.notice)
        print(outcome.notice);
    if (parsed.json)
        io.stdout.write(`${redact(JSON.stringify(jsonOutputs(outcome)), [apiKey])}\n`);
    const interrupted = cancellation?.received();
    const failure = failureMessage(outcome);
    if (interrupted) {
        print(`refold-trigger: ${failure ?? 'interrupted'}`);
        return (0,cancel/* statusFor */.S)(interrupted);
    }
    if (failure === undefined)
        return ExitCode.Ok;
    if (!settings.failOnError) {
        log.warning(`${failure} (--no-fail-on-error, so the exit status is 0)`);
        return ExitCode.Ok;
    }
    print(`refold-trigger: error: ${failure}`);
    return ExitCode.Failed;
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
