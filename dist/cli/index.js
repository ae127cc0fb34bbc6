import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8411);

process.exitCode = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)(process.argv.slice(2), process.env, process);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8411:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
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
/** Replaces every secret in `text` by `***`, in the forms a server is likely to echo it back. */
function redact(text, secrets) {
    let result = text;
    for (const secret of secrets) {
        if (!secret)
            continue;
        // A JSON body carries the key escaped, a URL or query string carries it percent-encoded.
        const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
        for (const form of forms)
            result = result.split(form).join('***');
    }
    return result;
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
    const { hasNextPage, nextPage } = json;
    if (hasNextPage != null && typeof hasNextPage !== 'boolean') {
        return `hasNextPage is ${typeName(hasNextPage)}, not true or false`;
    }
    if (nextPage != null && !(Number.isSafeInteger(nextPage) && nextPage > 0)) {
        return `nextPage is ${typeName(nextPage)}, not a page number`;
    }
    return {
        docs: json.docs,
        paging: { hasNextPage: hasNextPage === true, nextPage: nextPage }
    };
}
/** What the events list answer holds; an entry without a text id and name is skipped. */
function readEvents(json) {
    if (!Array.isArray(json))
        return 'expected an array of events';
    return json.filter((event) => isRecord(event) && typeof event._id === 'string' && typeof event.name === 'string');
}
/**
 * A page of the executions list with every field this action reads checked, or what is wrong with
 * it. The fields that decide which executions belong to the event and how they ended must have
 * the documented type; a label (a name, a finish time) of another type is only left out.
 */
function readExecutionPage(json) {
    const page = readPage(json);
    if (typeof page === 'string')
        return page;
    const docs = [];
    for (const [index, doc] of page.docs.entries()) {
        const execution = readExecution(doc);
        if (typeof execution === 'string')
            return `docs[${index}]${execution}`;
        docs.push(execution);
    }
    return { docs, ...page.paging };
}
/** One doc of the list, or what is wrong with it (to follow `docs[i]`). */
function readExecution(doc) {
    if (!isRecord(doc))
        return ` is ${typeName(doc)}, not an execution`;
    for (const field of ['_id', 'status', 'createdAt']) {
        if (typeof doc[field] !== 'string' || !doc[field]) {
            return `.${field} is ${typeName(doc[field])}, not a text`;
        }
    }
    const createdAt = doc.createdAt;
    if (Number.isNaN(Date.parse(createdAt)))
        return '.createdAt is not a date';
    for (const field of ['associated_event_id', 'custom_trigger_id', 'config_id']) {
        if (doc[field] != null && typeof doc[field] !== 'string') {
            return `.${field} is ${typeName(doc[field])}, not a text`;
        }
    }
    const text = (value) => typeof value === 'string' ? value : undefined;
    const workflow = isRecord(doc.associated_workflow) ? doc.associated_workflow : undefined;
    const execution = {
        _id: doc._id,
        status: doc.status,
        createdAt
    };
    const optional = {
        name: text(doc.name),
        associated_event_id: text(doc.associated_event_id),
        custom_trigger_id: text(doc.custom_trigger_id),
        config_id: text(doc.config_id),
        completion_time: text(doc.completion_time),
        associated_workflow: workflow && (text(workflow._id) ?? text(workflow.name)) !== undefined
            ? dropUndefined({ _id: text(workflow._id), name: text(workflow.name) })
            : undefined
    };
    return { ...execution, ...dropUndefined(optional) };
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
                reject(describe(error, progress, proxy, request));
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
function describe(error, progress, proxy, request) {
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
    run(task) {
        return new Promise((resolve, reject) => {
            this.queue.push({
                start: () => {
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
            });
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
    LinkedAccounts: '/api/v2/public/linked-account'
};
/** What Node lets a header value hold; anything else would fail every attempt as a network error. */
function fitsInHeader(value) {
    return !/[^\t\x20-\x7e\x80-\xff]/.test(value);
}
/**
 * `POST {base_url}/api/v2/public/event` for one linked account. `payloadJson` is the payload
 * already serialized, so a fan-out serializes it once, not once per account.
 */
function triggerRequest(target, linkedAccountId, idempotencyKey, payloadJson) {
    const headers = {
        'x-api-key': target.apiKey,
        linked_account_id: linkedAccountId
    };
    if (target.configId)
        headers.config_id = target.configId;
    if (target.slug)
        headers.slug = target.slug;
    Object.assign(headers, {
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': USER_AGENT,
        'Idempotency-Key': idempotencyKey
    });
    return {
        method: 'POST',
        url: `${target.baseUrl}${Paths.TriggerEvent}`,
        headers,
        body: `{"event":${JSON.stringify(target.event)},"payload":${payloadJson}}`
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

;// CONCATENATED MODULE: ./src/core/retry.ts
// The retry policy: which failures are worth another attempt, how long to wait before it, and when
// to give up. Time is injected so the policy is tested in milliseconds, not seconds.

const systemClock = {
    now: () => Date.now(),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    random: () => Math.random()
};
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
            await clock.sleep(delay);
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
    /** Sends a request built by `triggerRequest`, exactly as built. */
    trigger(request, event) {
        return this.call(`trigger event ${JSON.stringify(event)}`, request, answer => {
            const message = readJson(answer.body)?.message;
            return {
                ...answer,
                message: typeof message === 'string' ? cutText(message, MESSAGE_TEXT_LIMIT) : undefined
            };
        });
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
    /** One page of the org's linked accounts; an org-level call, without a linked account. */
    listLinkedAccounts(page, limit) {
        const params = new URLSearchParams({ page: String(page), limit: String(limit) });
        return this.get('list linked accounts', `${Paths.LinkedAccounts}?${params}`, undefined, readLinkedAccountPage);
    }
    get(action, path, account, read) {
        const headers = { 'x-api-key': this.options.apiKey };
        if (account !== undefined)
            headers.linked_account_id = account;
        Object.assign(headers, { accept: 'application/json', 'user-agent': USER_AGENT });
        const request = { method: 'GET', url: `${this.options.baseUrl}${path}`, headers };
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
    /** Attempts `request` under the limiter and the retry policy; `read` may reject the answer. */
    call(action, request, read) {
        const { clock, limiter } = this.options;
        let status = 0;
        return withRetry(async () => {
            const answer = await limiter.run(() => this.once(action, request));
            status = answer.status;
            return read(answer);
        }, retryPolicy(this.options.retries), clock, {
            onRetry: this.options.onRetry,
            onRateLimited: ms => limiter.pause(ms),
            outcomeOf: () => `HTTP ${status}`
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

;// CONCATENATED MODULE: ./src/core/names.ts
// Input and output names as action.yml spells them: the core's input errors quote them, the action
// reads and writes them, and the CLI maps its flags onto them.
const Inputs = {
    ApiKey: 'api_key',
    Event: 'event',
    LinkedAccountId: 'linked_account_id',
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
    Summary: 'summary'
};
const Outputs = {
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
    ExecutionStatus: 'execution_status'
};

;// CONCATENATED MODULE: ./src/core/accounts.ts
// Which linked accounts one run fires for: the list as written in `linked_account_id`, the slice a
// matrix job keeps (`shard`), and the Idempotency-Key each account is sent with.



const ACCOUNTS_INPUT = Inputs.LinkedAccountId;
const SHARD_INPUT = Inputs.Shard;
/**
 * Reads the account list: one id per line (the CLI passes one entry per flag), blank lines and
 * surrounding spaces ignored, `*` alone for every account.
 */
function parseAccounts(text) {
    const ids = (typeof text === 'string' ? [text] : text)
        .flatMap(entry => entry.split(/\r\n|\r|\n/))
        .map(line => line.trim())
        .filter(line => line !== '');
    if (ids.length === 0) {
        throw new InputError(ACCOUNTS_INPUT, `Missing input '${ACCOUNTS_INPUT}': it is required.`);
    }
    if (ids.includes('*')) {
        if (ids.every(id => id === '*'))
            return { kind: 'every' };
        throw new InputError(ACCOUNTS_INPUT, `Invalid input '${ACCOUNTS_INPUT}': "*" (every linked account) cannot be combined with ` +
            `other ids such as ${JSON.stringify(ids.find(id => id !== '*'))}.`);
    }
    const seen = new Set();
    const duplicates = new Set();
    for (const id of ids) {
        // Each id travels alone in the linked_account_id header: a bad one must stop the run before
        // the first request, not fail as a network error halfway through the list.
        if (!fitsInHeader(id)) {
            throw new InputError(ACCOUNTS_INPUT, `Invalid input '${ACCOUNTS_INPUT}': ${JSON.stringify(id)} contains characters an HTTP header cannot carry.`);
        }
        if (seen.has(id))
            duplicates.add(id);
        seen.add(id);
    }
    return { kind: 'list', accounts: [...seen], duplicates: [...duplicates] };
}
/** Reads `shard` (`i/n`); an empty input means no sharding. */
function parseShard(text) {
    const value = text.trim();
    if (value === '')
        return undefined;
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value);
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || !Number.isSafeInteger(count) || index < 1 || index > count) {
        throw new InputError(SHARD_INPUT, `Invalid input '${SHARD_INPUT}': ${JSON.stringify(value)} is not i/n with 1 ≤ i ≤ n.`);
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

;// CONCATENATED MODULE: ./src/core/hints.ts
// What to tell the author after Refold refuses an event: the likely cause and the next step.

/** What to check after a refusal (every 3xx and 4xx has one); undefined for a server error. */
function hintFor(error, apiKey) {
    const { status, errorCode } = error.details;
    if (status === 401) {
        const kind = apiKey.startsWith('pk')
            ? 'a production key (pk…)'
            : apiKey.startsWith('tk')
                ? 'a test key (tk…)'
                : 'neither a production (pk…) nor a test (tk…) key';
        return (`Check '${Inputs.ApiKey}': the key sent is ${kind}; use the key of the Refold environment ` +
            `(test or production) where the event and the linked account exist.`);
    }
    if (status === 404 && errorCode === 'INVALID_EVENT') {
        return `Check '${Inputs.Event}': event names must match exactly, case included.`;
    }
    if (error.rateLimited) {
        return `Refold is rate limiting this key; raise '${Inputs.Retries}' or space out the runs.`;
    }
    if (status === 403) {
        return `Check that '${Inputs.ApiKey}' may fire events for '${Inputs.LinkedAccountId}'.`;
    }
    if (status === 404) {
        return (`Check that '${Inputs.BaseUrl}' is the Refold API's origin and that '${Inputs.LinkedAccountId}' ` +
            `exists in the environment of '${Inputs.ApiKey}'.`);
    }
    if (status === 400 || status === 422) {
        return (`Check the payload against the event's sample payload in Refold, and that ` +
            `'${Inputs.LinkedAccountId}' and '${Inputs.ConfigId}' exist.`);
    }
    if (status >= 300 && status < 400) {
        return (`Set '${Inputs.BaseUrl}' to the address the API answers at: redirects are not followed, ` +
            `so the api key is never sent on to another host.`);
    }
    if (status < 500) {
        return `Check '${Inputs.ApiKey}', '${Inputs.LinkedAccountId}' and '${Inputs.Event}' against Refold.`;
    }
    return undefined;
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

;// CONCATENATED MODULE: ./src/core/wait.ts
// Waiting for the workflow executions an accepted event started. The trigger answer names no
// execution, so they are found by correlation: same event id, created at or after the answer's
// Date (the server's clock), same config when one was given. Best effort by nature; see README.




const IN_PROGRESS = new Set(['RUNNING', 'QUEUED', 'STOPPING']);
const SUCCEEDED = new Set(['COMPLETED', 'DUPLICATE']);
const PAGE_SIZE = 50;
/** Pages are read newest first, so if this bound is ever hit, what is dropped is the oldest. */
const MAX_PAGES = 20;
/** Most workflows are short: look soon, then back off to `wait_interval`. */
const FIRST_POLL_MS = 1000;
/** After everything seen finished, the poll that makes sure no other execution is starting. */
const CONFIRM_POLL_MS = 2000;
/** `start_date` is this much before t0, so a server clock a little behind ours still lists them. */
const START_DATE_MARGIN_MS = 60_000;
const MAX_DETAILS = 5;
/**
 * Waits for the executions the trigger for `account` started. `events` is the org's events list,
 * read once per run however many accounts wait. Polls come 1 s after the trigger, then 2, 4, 8 …
 * s apart up to `wait_interval`; once everything seen finished, one more poll `min(2 s,
 * wait_interval)` later makes sure no other execution started.
 */
async function waitForExecutions(client, settings, account, answer, events, clock, log) {
    const started = clock.now();
    const deadline = started + settings.waitTimeoutMs;
    // The server's clock, so a runner whose clock drifts still ignores older executions.
    const serverDate = Date.parse(String(answer.headers.date ?? ''));
    const since = Number.isNaN(serverDate) ? started - 1000 : serverDate;
    const seen = new Map();
    const tally = { polls: 0, requests: 0 };
    const verdict = async (status, reason, hint) => {
        const durationMs = clock.now() - started;
        const executions = [...seen.values()].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
        const details = await readFailures(client, account, executions, tally, log);
        const result = wait_describe(status, executions, settings, reason);
        return { ...result, durationMs, details, ...(hint ? { hint } : {}), ...tally };
    };
    let eventId;
    try {
        const event = (await events()).value.find(e => e.name === settings.event);
        if (!event) {
            return verdict('NONE', `event "${settings.event}" is not in the events list, so its executions cannot be found`);
        }
        eventId = event._id;
    }
    catch (error) {
        const hint = orgKeyHint(error);
        return verdict('NONE', `could not look up the event's id: ${failureText(error, hint)}`, hint);
    }
    log.info(`Waiting up to ${settings.waitTimeoutMs / 1000} s for the workflow executions of "${settings.event}" ` +
        `(polling from 1 s after the trigger, backing off to every ${settings.waitIntervalMs / 1000} s)`);
    let startDate = new Date(since - START_DATE_MARGIN_MS).toISOString();
    /** Refold may not take start_date as the spec defines it: then list without it. */
    const poll = async () => {
        tally.polls++;
        try {
            return await listSince(client, account, { startDate, slug: settings.slug }, tally);
        }
        catch (error) {
            if (startDate === undefined || !isQueryRefusal(error))
                throw error;
            log.info(`Refold refused the executions query with start_date (HTTP ${error.last.status}); ` +
                'polling without it for the rest of the wait');
            startDate = undefined;
            tally.polls++;
            return await listSince(client, account, { slug: settings.slug }, tally);
        }
    };
    const interval = settings.waitIntervalMs;
    let backoff = Math.min(FIRST_POLL_MS, interval);
    let pause = backoff;
    let settledPolls = 0;
    for (;;) {
        await clock.sleep(Math.max(0, Math.min(pause, deadline - clock.now())));
        let executions;
        try {
            executions = await poll();
        }
        catch (error) {
            const hint = orgKeyHint(error);
            return verdict(statusOf(seen), `could not poll the executions: ${failureText(error, hint)}`, hint);
        }
        const before = seen.size;
        for (const execution of executions) {
            if (!belongsToEvent(execution, eventId, since, settings.configId))
                continue;
            const summary = summarize(execution);
            if (seen.get(summary.id)?.status !== summary.status) {
                log.info(`Execution ${forLog(summary.id)} (${forLog(summary.workflow)}): ${forLog(summary.status)}`);
            }
            seen.set(summary.id, summary);
        }
        const allFinished = seen.size > 0 && [...seen.values()].every(e => !IN_PROGRESS.has(e.status));
        // Finished only when one more poll after everything finished shows no new execution, since
        // workflows of one event can start a little apart.
        settledPolls = allFinished && seen.size === before ? settledPolls + 1 : allFinished ? 1 : 0;
        if (settledPolls >= 2)
            return verdict(statusOf(seen));
        if (clock.now() >= deadline)
            return verdict(statusOf(seen));
        if (settledPolls === 1) {
            pause = Math.min(CONFIRM_POLL_MS, interval);
        }
        else {
            backoff = Math.min(backoff * 2, interval);
            pause = backoff;
        }
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
        requests: 0
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
/** FAILED wins over everything; then nothing seen, still running, or all succeeded. */
function statusOf(seen) {
    const all = [...seen.values()];
    if (all.some(e => isFailed(e.status)))
        return 'FAILED';
    if (!all.length)
        return 'NONE';
    return all.some(e => IN_PROGRESS.has(e.status)) ? 'TIMED_OUT' : 'COMPLETED';
}
/** Every execution the query lists, newest first, page after page. */
async function listSince(client, account, query, tally) {
    const executions = [];
    let page = 1;
    for (let read = 0; read < MAX_PAGES; read++) {
        const result = await counted(tally, client.listExecutions(account, { page, limit: PAGE_SIZE, ...query }));
        executions.push(...result.docs);
        if (!result.hasNextPage)
            break;
        page = pageAfter(page, result);
    }
    return executions;
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
/**
 * What the detail of each failed execution (the first few) tells. Best effort: a detail that
 * cannot be read is logged and left out, and changes nothing else.
 */
async function readFailures(client, account, executions, tally, log) {
    const details = [];
    for (const execution of executions.filter(e => isFailed(e.status)).slice(0, MAX_DETAILS)) {
        const { id, workflow } = execution;
        try {
            const detail = await counted(tally, client.getExecution(account, id));
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
function belongsToEvent(execution, eventId, since, configId) {
    const created = Date.parse(execution.createdAt);
    // The Date header has whole seconds, so an execution created in the same second counts.
    if (Number.isNaN(created) || created < since - (since % 1000))
        return false;
    if (execution.associated_event_id !== eventId && execution.custom_trigger_id !== eventId)
        return false;
    return !configId || execution.config_id === configId;
}
function summarize(execution) {
    const summary = {
        id: execution._id,
        workflow: execution.associated_workflow?.name ?? execution.name ?? '(unnamed workflow)',
        status: execution.status,
        created_at: execution.createdAt,
        finished_at: execution.completion_time
    };
    const durationMs = Date.parse(execution.completion_time ?? '') - Date.parse(execution.createdAt);
    if (!Number.isNaN(durationMs) && durationMs >= 0)
        summary.durationMs = durationMs;
    return summary;
}
function isFailed(status) {
    return !IN_PROGRESS.has(status) && !SUCCEEDED.has(status);
}
/** The verdict in one line; `reason` says why the wait ended before its time (it then fails). */
function wait_describe(status, executions, settings, reason) {
    const event = `"${settings.event}"`;
    const list = (items) => items.map(e => `${e.workflow} (${e.status})`).join(', ');
    const failed = executions.filter(e => isFailed(e.status));
    const running = executions.filter(e => IN_PROGRESS.has(e.status));
    const count = `${executions.length} workflow execution${executions.length === 1 ? '' : 's'}`;
    const seconds = settings.waitTimeoutMs / 1000;
    const headlines = {
        COMPLETED: `Event ${event}: all ${count} completed`,
        FAILED: `Event ${event}: ${failed.length} of ${count} failed: ${list(failed)}`,
        TIMED_OUT: `Event ${event}: still running after ${seconds} s: ${list(running)}`,
        NONE: `Event ${event}: no workflow execution appeared within ${seconds} s ` +
            `(is a workflow attached to this event for this linked account${settings.slug ? ' and slug' : ''}?)`
    };
    if (!reason)
        return { ok: status === 'COMPLETED', status, executions, headline: headlines[status] };
    const sofar = executions.length ? ` (so far: ${list(executions)})` : '';
    return {
        ok: false,
        status,
        executions,
        headline: `Event ${event}: stopped waiting for its executions: ${reason}${sofar}`
    };
}
/** The failure's message; with a hint, it ends with it. */
function failureText(error, hint) {
    if (hint && error instanceof CallFailed)
        return error.withHint(hint).message;
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/core/fire.ts
// One run, host-free: the accounts to fire for → one trigger each (→ the executions they started)
// → an Outcome value. It logs as it goes but decides nothing about exit codes: the doors do.







const ACCOUNTS_PAGE_SIZE = 100;
/** Pages of linked accounts read at most: 1,000 pages of 100 is far past any org's customers. */
const MAX_ACCOUNT_PAGES = 1000;
const PROGRESS_EVERY_MS = 5000;
/** Accounts a dry run names beside the request it prints; all are in the `results` output. */
const DRY_RUN_NAMED = 20;
/** Worst first: the order in which several accounts' execution statuses combine. */
const STATUS_ORDER = ['FAILED', 'TIMED_OUT', 'NONE', 'COMPLETED'];
async function fire(settings, payloadJson, deps) {
    const { clock, log } = deps;
    const rule = keyRule(settings.idempotencyKey ?? '', deps.keyBase, settings.accounts);
    const outcome = {
        event: settings.event,
        payloadJson,
        dryRun: settings.dryRun,
        results: [],
        ok: false,
        attempts: 0,
        durationMs: 0,
        idempotencyKey: sharedKey(rule)
    };
    if (settings.accounts.kind === 'list' && settings.accounts.duplicates.length) {
        log.warning(`These linked accounts are listed more than once and are fired once: ` +
            settings.accounts.duplicates.map(id => JSON.stringify(id)).join(', '));
    }
    let accounts;
    try {
        accounts = await accountsToFire(settings, deps);
    }
    catch (error) {
        outcome.failure = error;
        return outcome;
    }
    const results = accounts.map(account => newResult(account, accountKey(rule, account)));
    outcome.results = results;
    if (results.length === 1)
        outcome.idempotencyKey = results[0].idempotencyKey;
    if (!results.length) {
        outcome.ok = true;
        outcome.notice = `Shard ${settings.shard?.index}/${settings.shard?.count} holds no linked account: nothing to fire.`;
        return outcome;
    }
    if (settings.dryRun) {
        outcome.printedRequest = dryRunPrintout(settings, results, payloadJson);
        for (const result of results) {
            Object.assign(result, { ok: true, message: 'Dry run: nothing was sent' });
        }
        outcome.ok = true;
        return outcome;
    }
    const started = clock.now();
    const events = once(() => deps.client.listEvents());
    const waits = await triggerEach(results, settings, payloadJson, deps, events);
    outcome.durationMs = clock.now() - started;
    if (settings.wait) {
        await Promise.all(waits);
        // An account whose trigger was refused or not sent had no execution to wait for.
        outcome.executionStatus = worstStatus(results.map(r => (r.executionStatus ??= 'NONE')));
    }
    outcome.attempts = results.reduce((sum, result) => sum + result.attempts, 0);
    outcome.ok = results.every(result => result.ok);
    return outcome;
}
/**
 * Triggers every account, `concurrency` at a time, until an org-wide refusal leaves the rest not
 * sent. With wait, each accepted account starts waiting at once; the waits are returned.
 */
async function triggerEach(results, settings, payloadJson, deps, events) {
    const progress = progressLine(results.length, deps.clock, deps.log);
    const waits = [];
    let orgRefusal;
    let next = 0;
    const worker = async () => {
        while (next < results.length) {
            const result = results[next++];
            if (orgRefusal) {
                result.notSent = orgRefusal;
                result.message = `not sent: ${orgRefusal}`;
                continue;
            }
            const answer = await triggerOne(result, settings, payloadJson, deps, events);
            orgRefusal ??= orgWideRefusal(result);
            // A lone account's failure is the step's error line; no need to say it twice.
            if (result.ok || results.length > 1)
                deps.log.info(accountLine(settings.event, result));
            progress(results);
            if (answer && settings.wait)
                waits.push(waitOne(result, answer, settings, deps, events));
        }
    };
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, results.length) }, worker));
    return waits;
}
/** The request the first account would get, and the other accounts named (up to a bound). */
function dryRunPrintout(settings, results, payloadJson) {
    const [first, ...others] = results;
    const printed = printRequest(triggerRequest(settings, first.linkedAccountId, first.idempotencyKey, payloadJson));
    if (!others.length)
        return printed;
    const named = others
        .slice(0, DRY_RUN_NAMED)
        .map(result => result.linkedAccountId)
        .join(', ');
    const more = others.length > DRY_RUN_NAMED ? `, and ${others.length - DRY_RUN_NAMED} more` : '';
    return `${printed}\n\nThe same for ${others.length} more linked accounts: ${named}${more}`;
}
/** The accounts of this run: the list, or every account of the org, then this job's shard. */
async function accountsToFire(settings, deps) {
    const all = settings.accounts.kind === 'list' ? settings.accounts.accounts : await everyLinkedAccount(deps);
    return settings.shard ? shardSlice(all, settings.shard.index, settings.shard.count) : all;
}
/** Every page of GET /linked-account, read before anything is fired; sorted by code point. */
async function everyLinkedAccount(deps) {
    const accounts = new Set();
    let page = 1;
    for (let read = 0; read < MAX_ACCOUNT_PAGES; read++) {
        let listed;
        try {
            listed = (await deps.client.listLinkedAccounts(page, ACCOUNTS_PAGE_SIZE)).value;
        }
        catch (error) {
            throw new Error(`Could not list the org's linked accounts for linked_account_id "*", so no event was ` +
                `fired: ${error.message}${fire_orgKeyHint(error)}`, { cause: error });
        }
        for (const account of listed.accounts)
            accounts.add(account);
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
        throw new Error('The org has no linked accounts, so linked_account_id "*" names none and no event was fired.');
    }
    deps.log.info(`Listed ${accounts.size} linked accounts of the org.`);
    return [...accounts].sort(compareCodePoints);
}
/** The trigger for one account, retried as the policy allows; fills in `result`. */
async function triggerOne(result, settings, payloadJson, deps, events) {
    const started = deps.clock.now();
    const request = triggerRequest(settings, result.linkedAccountId, result.idempotencyKey, payloadJson);
    try {
        const { value: answer, attempts } = await deps.client.trigger(request, settings.event);
        Object.assign(result, {
            ok: true,
            statusCode: answer.status,
            message: answer.message ?? '',
            response: answer.body,
            attempts: attempts.length,
            attemptLog: attempts
        });
        return answer;
    }
    catch (error) {
        if (!(error instanceof CallFailed))
            throw error;
        const { last } = error;
        const api = last instanceof RefoldApiError ? last.details : undefined;
        const hints = api ? await hintsFor(last, settings, events) : [];
        Object.assign(result, {
            statusCode: api?.status ?? null,
            message: api?.refoldMessage ?? error.message,
            errorCode: api?.errorCode ?? null,
            httpErrorType: api?.httpErrorType ?? null,
            response: api?.body ?? '',
            attempts: error.attempts.length,
            attemptLog: error.attempts,
            hints,
            failure: hints.length ? error.withHint(hints.join(' ')) : error
        });
        return undefined;
    }
    finally {
        result.durationMs = deps.clock.now() - started;
    }
}
/** What to check after a refusal; after a 404 INVALID_EVENT, the closest event names too. */
async function hintsFor(error, settings, events) {
    const hints = [hintFor(error, settings.apiKey)].filter((hint) => !!hint);
    if (error.status === 404 && error.details.errorCode === 'INVALID_EVENT') {
        // Best effort and only after the failure: the happy path sends exactly one request.
        const names = await events().then(({ value }) => value.map(event => event.name), () => []);
        const closest = closestEventNames(settings.event, names);
        if (closest.length) {
            hints.push(`Closest event names: ${closest.map(name => JSON.stringify(name)).join(', ')}.`);
        }
    }
    return hints;
}
async function waitOne(result, answer, settings, deps, events) {
    let wait;
    try {
        wait = await waitForExecutions(deps.client, settings, result.linkedAccountId, answer, events, deps.clock, deps.log);
    }
    catch (error) {
        // The event was fired, so the outcome must still say so: a broken wait is a failed wait.
        wait = waitBroke(settings, error);
    }
    result.wait = wait;
    result.executionStatus = wait.status;
    if (wait.hint)
        result.hints.push(wait.hint);
    if (!wait.ok) {
        result.ok = false;
        result.message = wait.headline;
        result.failure = new WaitError(wait.headline);
    }
}
/** A refusal that holds for every account of the org: firing the rest would only repeat it. */
function orgWideRefusal(result) {
    if (result.statusCode === 401)
        return `Refold refused the api key (HTTP 401) for ${result.linkedAccountId}`;
    if (result.statusCode === 404 && result.errorCode === 'INVALID_EVENT') {
        return `Refold does not know the event (HTTP 404 INVALID_EVENT) for ${result.linkedAccountId}`;
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
    return results => {
        const now = clock.now();
        if (total < 2 || now - last < PROGRESS_EVERY_MS)
            return;
        last = now;
        const done = results.filter(r => r.attempts > 0 || r.notSent);
        const accepted = done.filter(r => r.ok).length;
        const rate = done.length / ((now - started) / 1000);
        const left = rate > 0 ? Math.ceil((total - done.length) / rate) : undefined;
        log.info(`fired ${done.length}/${total} · ${accepted} accepted · ${done.length - accepted} failed · ` +
            `${rate.toFixed(1)}/s${left === undefined ? '' : ` · about ${left} s left`}`);
    };
}
/** The worst of several accounts' statuses: FAILED, then TIMED_OUT, then NONE, then COMPLETED. */
function worstStatus(statuses) {
    return STATUS_ORDER.find(status => statuses.includes(status)) ?? 'NONE';
}
function newResult(linkedAccountId, idempotencyKey) {
    return {
        linkedAccountId,
        ok: false,
        statusCode: null,
        message: '',
        errorCode: null,
        httpErrorType: null,
        response: '',
        attempts: 0,
        idempotencyKey,
        executionStatus: null,
        attemptLog: [],
        durationMs: 0,
        hints: []
    };
}
function once(make) {
    let made;
    return () => (made ??= make());
}

;// CONCATENATED MODULE: ./src/core/outputs.ts


function outcomeOutputs(outcome) {
    const { results } = outcome;
    // The scalar outputs speak of the first failed account, else of the first account.
    const shown = results.find(result => !result.ok) ?? results[0];
    const accepted = results.filter(result => result.ok).length;
    const outputs = {
        [Outputs.Ok]: outcome.ok,
        [Outputs.StatusCode]: shown?.statusCode ?? null,
        [Outputs.Message]: outcome.failure?.message ?? shown?.message ?? '',
        [Outputs.ErrorCode]: shown?.ok ? null : (shown?.errorCode ?? null),
        [Outputs.HttpErrorType]: shown?.ok ? null : (shown?.httpErrorType ?? null),
        [Outputs.Response]: responseOutput(shown?.response ?? ''),
        [Outputs.Attempts]: outcome.attempts,
        [Outputs.DurationMs]: outcome.durationMs,
        [Outputs.Payload]: outcome.payloadJson,
        [Outputs.IdempotencyKey]: outcome.idempotencyKey,
        [Outputs.Results]: results.map(resultOutput),
        [Outputs.Accepted]: accepted,
        [Outputs.Failed]: results.length - accepted
    };
    if (outcome.executionStatus) {
        const several = results.length > 1;
        outputs[Outputs.Executions] = results.flatMap(result => (result.wait?.executions ?? []).map(({ id, workflow, status, created_at }) => ({
            id,
            workflow,
            status,
            created_at,
            ...(several ? { linked_account_id: result.linkedAccountId } : {})
        })));
        outputs[Outputs.ExecutionStatus] = outcome.executionStatus;
    }
    return outputs;
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
function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
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
    const user = await readUserPayload(settings.payload, sources.workspace);
    switch (settings.githubContext) {
        case 'never':
            return user ?? {};
        case 'auto':
            return user ?? { github: await sources.githubSummary() };
        case 'always':
            if (user && Object.hasOwn(user, 'github')) {
                throw new InputError(Inputs.GithubContext, `Invalid inputs '${payloadInputName(settings.payload)}' and '${Inputs.GithubContext}': ` +
                    `the payload already has a "github" key, which github_context: always would replace. ` +
                    `Rename the key or set github_context: never.`);
            }
            return { ...user, github: await sources.githubSummary() };
    }
}
function payloadInputName(source) {
    return source.kind === 'file' ? Inputs.PayloadFile : Inputs.Payload;
}
async function readUserPayload(source, workspace) {
    if (source.kind === 'none')
        return undefined;
    if (source.kind === 'inline') {
        const where = { input: Inputs.Payload, what: `Invalid input '${Inputs.Payload}': the value` };
        const looksLikeJson = /^\s*[{[]/.test(source.text);
        const value = looksLikeJson
            ? parseJson(source.text, where)
            : await parseYaml(source.text, where);
        return asObject(value, where);
    }
    const where = {
        input: Inputs.PayloadFile,
        what: `Invalid input '${Inputs.PayloadFile}': ${JSON.stringify(source.path)}`
    };
    const format = /\.json$/i.test(source.path) ? 'json' : /\.ya?ml$/i.test(source.path) ? 'yaml' : '';
    if (!format) {
        throw new InputError(where.input, `${where.what} is not a .json, .yml or .yaml file.`);
    }
    const text = await readPayloadFile(external_node_path_namespaceObject.resolve(workspace, source.path), where);
    const value = format === 'json' ? parseJson(text, where) : await parseYaml(text, where);
    return asObject(value, where);
}
/**
 * The file's text, from a regular file of at most MAX_PAYLOAD_FILE_BYTES. Opened without blocking
 * and checked through the open handle, so a FIFO cannot hang the step waiting for a writer, a
 * device such as /dev/zero is never read, and the file checked is the file read.
 */
async function readPayloadFile(file, { input, what }) {
    let handle;
    try {
        // O_NONBLOCK makes opening a FIFO return at once; Windows has neither, hence the fallback.
        handle = await (0,promises_namespaceObject.open)(file, external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0));
    }
    catch (error) {
        throw new InputError(input, `${what} cannot be read: ${describeFsError(error)}.`);
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile()) {
            throw new InputError(input, `${what} is not a regular file (it is ${kindOf(stats)}); payload_file reads regular files only.`);
        }
        // The size stat gives is checked first; the read is bounded too, for files whose size stat
        // does not know (those under /proc say 0).
        const bytes = stats.size > MAX_PAYLOAD_FILE_BYTES
            ? undefined
            : await readAtMost(handle).catch((error) => {
                throw new InputError(input, `${what} cannot be read: ${describeFsError(error)}.`);
            });
        if (!bytes) {
            throw new InputError(input, `${what} is larger than ${MAX_PAYLOAD_FILE_BYTES / 1024 / 1024} MiB, the most a payload file may hold` +
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
function kindOf(stats) {
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
function describeFsError(error) {
    const code = error.code;
    if (code === 'ENOENT')
        return 'no such file (paths are relative to GITHUB_WORKSPACE)';
    if (code === 'EISDIR')
        return 'it is a directory';
    if (code === 'EACCES')
        return 'permission denied';
    if (code === 'ENXIO')
        return 'it is a socket, not a regular file';
    return code ?? String(error.message);
}

;// CONCATENATED MODULE: ./src/core/settings.ts
// Every input read, validated and typed in one place, for both doors: the action hands in
// @actions/core, the CLI its flags under the same input names, so defaults and messages are one.




function readSettings(core) {
    const input = (name) => core.getInput(name).trim();
    // Masked before any validation can quote it or any debug line can print it.
    const apiKey = input(Inputs.ApiKey);
    if (apiKey)
        core.setSecret(apiKey);
    if (!fitsInHeader(apiKey)) {
        throw new InputError(Inputs.ApiKey, `Invalid input '${Inputs.ApiKey}': it contains characters an HTTP header cannot carry ` +
            '(a line break inside the secret?).');
    }
    const dryRun = readBoolean(input, Inputs.DryRun);
    const accounts = parseAccounts(core.getInput(Inputs.LinkedAccountId));
    if (!apiKey && dryRun && accounts.kind === 'every') {
        throw new InputError(Inputs.ApiKey, `Missing input '${Inputs.ApiKey}': a dry run with ${Inputs.LinkedAccountId}: "*" lists the ` +
            `org's linked accounts, which needs the key; name the accounts to dry-run without it.`);
    }
    if (!apiKey && !dryRun) {
        throw new InputError(Inputs.ApiKey, `Missing input '${Inputs.ApiKey}': set it from a secret, e.g. api_key: \${{ secrets.REFOLD_API_KEY }}` +
            ' (secrets are empty on pull requests from forks: use dry_run there).');
    }
    const event = required(input, Inputs.Event);
    const inlinePayload = core.getInput(Inputs.Payload);
    const payloadFile = input(Inputs.PayloadFile);
    if (inlinePayload.trim() && payloadFile) {
        throw new InputError(Inputs.PayloadFile, `Invalid inputs '${Inputs.Payload}' and '${Inputs.PayloadFile}': set one or the other, not both.`);
    }
    const configId = headerInput(input, Inputs.ConfigId);
    const slug = headerInput(input, Inputs.Slug);
    const settings = {
        apiKey,
        event,
        accounts,
        shard: parseShard(input(Inputs.Shard)),
        configId: configId || undefined,
        slug: slug || undefined,
        payload: inlinePayload.trim()
            ? { kind: 'inline', text: inlinePayload }
            : payloadFile
                ? { kind: 'file', path: payloadFile }
                : { kind: 'none' },
        githubContext: readGithubContextMode(input),
        baseUrl: readBaseUrl(input),
        timeoutMs: readSeconds(input, Inputs.Timeout, '30', TIMEOUT_RANGE),
        retries: readNumber(input, Inputs.Retries, '3', RETRIES_RANGE),
        failOnError: readBoolean(input, Inputs.FailOnError, true),
        idempotencyKey: headerInput(input, Inputs.IdempotencyKey) || undefined,
        dryRun,
        wait: readBoolean(input, Inputs.Wait),
        waitTimeoutMs: readSeconds(input, Inputs.WaitTimeout, '600', WAIT_TIMEOUT_RANGE),
        waitIntervalMs: readSeconds(input, Inputs.WaitInterval, '10', WAIT_INTERVAL_RANGE),
        summary: readBoolean(input, Inputs.Summary, true),
        rateLimit: readNumber(input, Inputs.RateLimit, '10', RATE_LIMIT_RANGE),
        concurrency: readNumber(input, Inputs.Concurrency, '5', CONCURRENCY_RANGE)
    };
    core.debug(`Settings: ${JSON.stringify({ ...settings, apiKey: apiKey ? '***' : '' })}`);
    return settings;
}
// The documented ranges (action.yml and README say the same). Every bound keeps the step finite:
// a timeout past 2^31 ms overflows setTimeout into 1 ms, an interval near 0 polls in a tight loop.
const TIMEOUT_RANGE = secondsRange(1, 600);
const RETRIES_RANGE = { min: 0, max: 10, integer: true };
const WAIT_TIMEOUT_RANGE = secondsRange(1, 21_600);
const WAIT_INTERVAL_RANGE = secondsRange(1, 300);
const RATE_LIMIT_RANGE = { min: 0.1, max: 1000, integer: false };
const CONCURRENCY_RANGE = { min: 1, max: 20, integer: true };
function secondsRange(min, max) {
    return { min, max, integer: false, unit: 'seconds' };
}
/**
 * A number input's value checked against its range: plain decimal digits only (no sign, exponent,
 * hex or "Infinity", which Number() would take), within min and max.
 */
function parseNumberInput(name, value, range) {
    const pattern = range.integer ? /^\d+$/ : /^(?:\d+\.?\d*|\.\d+)$/;
    const number = Number(value);
    if (!pattern.test(value) || number < range.min || number > range.max) {
        const kind = range.integer ? 'a whole number' : 'a number';
        const of = range.unit ? ` of ${range.unit}` : '';
        throw new InputError(name, `Invalid input '${name}': ${JSON.stringify(value)} is not ${kind}${of} from ${range.min} to ${range.max}.`);
    }
    return number;
}
function required(input, name) {
    const value = input(name);
    if (!value)
        throw new InputError(name, `Missing input '${name}': it is required.`);
    return value;
}
/** An input sent as a request header. */
function headerInput(input, name) {
    const value = input(name);
    if (!fitsInHeader(value)) {
        throw new InputError(name, `Invalid input '${name}': ${JSON.stringify(value)} contains characters an HTTP header cannot carry.`);
    }
    return value;
}
// The values core.getBooleanInput accepts (YAML 1.2 core schema booleans); an empty input takes
// the default, as it does when a workflow runs the action outside action.yml's defaults.
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
function readBoolean(input, name, fallback = false) {
    const value = input(name);
    if (value === '')
        return fallback;
    if (TRUE_VALUES.includes(value))
        return true;
    if (FALSE_VALUES.includes(value))
        return false;
    throw new InputError(name, `Invalid input '${name}': ${JSON.stringify(value)} is not true or false.`);
}
function readNumber(input, name, fallback, range) {
    return parseNumberInput(name, input(name) || fallback, range);
}
/** A seconds input, in milliseconds (rounded: 1.1 s is 1100 ms, not 1100.0000000000002). */
function readSeconds(input, name, fallback, range) {
    return Math.round(readNumber(input, name, fallback, range) * 1000);
}
const GITHUB_CONTEXT_MODES = ['auto', 'always', 'never'];
function readGithubContextMode(input) {
    const value = input(Inputs.GithubContext) || 'auto';
    const mode = GITHUB_CONTEXT_MODES.find(m => m === value);
    if (!mode) {
        throw new InputError(Inputs.GithubContext, `Invalid input '${Inputs.GithubContext}': ${JSON.stringify(value)} is not one of auto, always, never.`);
    }
    return mode;
}
function readBaseUrl(input) {
    const value = input(Inputs.BaseUrl) || DEFAULT_BASE_URL;
    const invalid = (problem) => new InputError(Inputs.BaseUrl, `Invalid input '${Inputs.BaseUrl}': ${JSON.stringify(withoutCredentials(value))} ${problem}`);
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
        throw invalid(`has credentials in it, which are not allowed; the key goes in '${Inputs.ApiKey}'.`);
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
        required: true,
        default: '',
        description: 'The linked account (your customer) the event is for; or several, one per line; or * for every linked account of the org.',
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
        description: 'Sent as the Idempotency-Key header on every attempt. Default: derived from the repository, run, attempt, job, step and event, then /<account>. A key given here is sent as is when linked_account_id names one account, and as <key>/<account> for several or *.',
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
        description: 'Longest gap in seconds between polls of the executions API, from 1 to 300.',
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
// action.yml names, so the core validates them with the action's own messages and defaults. Only
// the shape of the command line is checked here (known flags, values present, no positionals).

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
/** Flags of the command line alone, none taking a value. */
const CLI_FLAGS = [
    {
        flag: 'json',
        description: 'Print the outputs (ok, status_code, message, results, ...) as one JSON object on stdout, ' +
            'with their JSON types. The log goes to stderr either way.'
    },
    { flag: 'help', short: 'h', description: 'Print this help and exit.' },
    { flag: 'version', description: 'Print the version and exit.' }
];
/** Reads argv (without node and the script). Throws `UsageError`. */
function parseArgs(argv) {
    const inputs = {};
    const accounts = [];
    const given = new Set();
    let json = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '-h')
            return { kind: 'help' };
        if (!arg.startsWith('--') || arg === '--') {
            if (/^-[^-]/.test(arg)) {
                throw new UsageError(`Unknown flag ${flagPart(arg)}.`, flagPart(arg));
            }
            throw new UsageError(`Unexpected argument ${JSON.stringify(arg)}: every value follows its flag, ` +
                'e.g. --event "Release Published" (a value with spaces needs quotes).');
        }
        const eq = arg.indexOf('=');
        const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
        const written = `--${name}`;
        const inline = eq < 0 ? undefined : arg.slice(eq + 1);
        const spec = flagNamed(name);
        if (given.has(name) && !(spec.kind === 'input' && spec.flag.input === REPEATABLE_INPUT)) {
            throw new UsageError(`Flag ${written} is given twice; only --linked-account-id may be repeated.`, written);
        }
        given.add(name);
        if (spec.kind === 'input') {
            if (spec.flag.takesValue) {
                const value = inline ?? valueAfter(argv, i, written);
                if (inline === undefined)
                    i++;
                if (spec.flag.input === REPEATABLE_INPUT)
                    accounts.push(value);
                else
                    inputs[spec.flag.input] = value;
            }
            else {
                takesNoValue(written, inline);
                inputs[spec.flag.input] = spec.flag.sets;
            }
            continue;
        }
        takesNoValue(written, inline);
        if (spec.flag === 'help')
            return { kind: 'help' };
        if (spec.flag === 'version')
            return { kind: 'version' };
        json = true;
    }
    // The core reads one account per line.
    if (accounts.length > 0)
        inputs[REPEATABLE_INPUT] = accounts.join('\n');
    return { kind: 'run', inputs: { ...inputs, ...FIXED_INPUTS }, json };
}
/**
 * The `read` the core's input reading takes: each input by its action.yml name, '' when not
 * given, and `api_key` from the environment (`REFOLD_API_KEY`) the caller hands in.
 */
function cliInputReader(inputs, apiKey) {
    return inputName => (inputName === 'api_key' ? (apiKey ?? '') : (inputs[inputName] ?? ''));
}
function flagNamed(name) {
    const input = INPUT_FLAGS.find(spec => spec.flag === name);
    if (input)
        return { kind: 'input', flag: input };
    const cli = CLI_FLAGS.find(spec => spec.flag === name);
    if (cli)
        return { kind: 'cli', flag: cli.flag };
    const written = `--${name}`;
    const normalized = name.toLowerCase().replace(/_/g, '-');
    const leftOut = ACTION_FLAGS.find(spec => spec.input in LEFT_OUT_INPUTS && unnegated(spec.flag) === unnegated(normalized));
    if (leftOut) {
        throw new UsageError(`There is no ${written} flag: ${LEFT_OUT_INPUTS[leftOut.input]}`, written);
    }
    const closest = [...INPUT_FLAGS.map(spec => spec.flag), ...CLI_FLAGS.map(spec => spec.flag)].find(flag => flag === normalized || unnegated(flag) === unnegated(normalized));
    throw new UsageError(`Unknown flag ${written}${closest ? ` (did you mean --${closest}?)` : ''}.`, written);
}
/** The value of a flag written without `=`: the next argument, which must not be a flag. */
function valueAfter(argv, at, written) {
    const next = argv[at + 1];
    if (next === undefined) {
        throw new UsageError(`Flag ${written} needs a value: ${written} <value> or ${written}=<value>.`, written);
    }
    if (looksLikeFlag(next)) {
        throw new UsageError(`Flag ${written} needs a value, but ${flagPart(next)} follows it ` +
            `(for a value that starts with a dash, write ${written}=<value>).`, written);
    }
    return next;
}
function takesNoValue(written, inline) {
    if (inline !== undefined) {
        throw new UsageError(`Flag ${written} takes no value: write ${written} alone.`, written);
    }
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
// What `--help` and `--version` print. The flags and their descriptions come from action.yml (via
// the generated flags.ts), so the command line and the action document the same inputs.


const VERSION = package_namespaceObject.rE;
/** What only the command line adds to an input's description from action.yml. */
const COMMAND_LINE_NOTES = {
    'linked-account-id': 'Repeat the flag for several accounts.',
    'payload-file': 'A path of - reads the payload from standard input.',
    'idempotency-key': 'On the command line the default is a UUID drawn once per run, followed by /<account>.'
};
const WIDTH = 100;
const INDENT = 6;
/** `--version`: the version alone, so scripts can read it. Ends with a newline. */
function versionText() {
    return `${VERSION}\n`;
}
/** `--help`: usage, every flag with its description, the key, the exit codes. Ends with a newline. */
function helpText() {
    const inputs = INPUT_FLAGS.map(spec => {
        const notes = [
            spec.description,
            COMMAND_LINE_NOTES[spec.flag],
            !spec.takesValue && spec.sets === 'false'
                ? `The flag sets ${spec.input} to false.`
                : undefined,
            spec.required ? 'Required.' : undefined,
            spec.takesValue && spec.default !== '' ? `Default: ${spec.default}.` : undefined
        ];
        return entry(`--${spec.flag}${spec.takesValue ? ' <value>' : ''}`, notes.filter(note => note !== undefined).join(' '));
    });
    const own = CLI_FLAGS.map(spec => entry('short' in spec ? `--${spec.flag}, -${spec.short}` : `--${spec.flag}`, spec.description));
    return [
        `refold-trigger ${VERSION}: fire a Refold event from any CI job or script, as the GitHub Action does.`,
        '',
        'Usage: refold-trigger --event <name> --linked-account-id <id> [flags]',
        '',
        ...wrap(`The API key is read from the environment variable ${API_KEY_ENV}, never from a flag ` +
            '(a flag would leak it into process lists and shell history); --dry-run needs none.', 0),
        '',
        'Flags from the action (descriptions as in action.yml, where dry_run is --dry-run and so on;',
        'write a value as --flag <value> or --flag=<value>):',
        ...inputs.flat(),
        '',
        'Flags of the command line:',
        ...own.flat(),
        '',
        'The log goes to stderr. Exit status: 0 success (or a failure with --no-fail-on-error),',
        '1 Refold refused the event or a wait failed, 2 a usage or input error (nothing was sent).',
        ''
    ].join('\n');
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

;// CONCATENATED MODULE: ./src/cli/main.ts
// The command line's story of one run: argv → settings → payload → fire (→ wait) → exit status.
// The only place that decides the CLI's exit code: 0 success, 1 Refold refused or a wait failed,
// 2 a usage or input error (nothing sent). The log goes to stderr; --json prints the outputs.












const ExitCode = { Ok: 0, Failed: 1, Usage: 2 };
async function run(argv, env, io, clock = systemClock) {
    const apiKey = env[API_KEY_ENV]?.trim() ?? '';
    // Nothing printed may carry the key, even one pasted by mistake into a flag's value.
    const print = (line) => io.stderr.write(`${redact(line, [apiKey])}\n`);
    const log = {
        info: print,
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
    if (parsed.kind !== 'run') {
        io.stdout.write(parsed.kind === 'help' ? helpText() : versionText());
        return ExitCode.Ok;
    }
    let settings;
    let payloadJson;
    try {
        const read = cliInputReader(parsed.inputs, apiKey);
        settings = readSettings({ getInput: read, setSecret: () => { }, debug: () => { } });
        if (settings.payload.kind === 'file' && settings.payload.path === '-') {
            const text = await readAll(io.stdin);
            settings.payload = text.trim() ? { kind: 'inline', text } : { kind: 'none' };
        }
        const payload = await buildPayload(settings, {
            workspace: process.cwd(),
            githubSummary: async () => ({})
        });
        payloadJson = JSON.stringify(payload);
    }
    catch (error) {
        if (!(error instanceof InputError))
            throw error;
        print(`refold-trigger: ${cliInputMessage(error, apiKey)}`);
        return ExitCode.Usage;
    }
    const client = clientForRun(settings, { proxyEnv: env, clock, onRetry: log.warning });
    // One UUID per invocation: retries and accounts share it, another invocation gets another.
    const outcome = await fire(settings, payloadJson, { client, clock, log, keyBase: (0,external_node_crypto_namespaceObject.randomUUID)() });
    if (outcome.printedRequest) {
        print(`Dry run: this request would be sent (nothing was sent):\n${outcome.printedRequest}`);
    }
    if (outcome.notice)
        print(outcome.notice);
    if (parsed.json)
        io.stdout.write(`${redact(JSON.stringify(outcomeOutputs(outcome)), [apiKey])}\n`);
    const failure = failureMessage(outcome);
    if (failure === undefined)
        return ExitCode.Ok;
    if (!settings.failOnError) {
        log.warning(`${failure} (--no-fail-on-error, so the exit status is 0)`);
        return ExitCode.Ok;
    }
    print(`refold-trigger: error: ${failure}`);
    return ExitCode.Failed;
}
/** The action's messages name its input; on the command line the key comes from the environment. */
function cliInputMessage(error, apiKey) {
    if (error.input === Inputs.ApiKey && !apiKey) {
        return `Missing ${API_KEY_ENV}: set the api key in the environment variable ${API_KEY_ENV}, or use --dry-run with named accounts.`;
    }
    return error.message;
}
/** Standard input, bounded like a payload file. */
async function readAll(stream) {
    const chunks = [];
    let bytes = 0;
    for await (const chunk of stream) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        bytes += buffer.length;
        if (bytes > MAX_PAYLOAD_FILE_BYTES) {
            throw new InputError(Inputs.PayloadFile, `Invalid input '${Inputs.PayloadFile}': standard input holds more than ${MAX_PAYLOAD_FILE_BYTES / 1024 / 1024} MiB, the most a payload may be.`);
        }
        chunks.push(buffer);
    }
    return Buffer.concat(chunks)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
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
