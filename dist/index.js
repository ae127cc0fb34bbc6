import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
exports.debug = debug; // for test


/***/ }),

/***/ 7306:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ main_run)
});

// NAMESPACE OBJECT: ./node_modules/@actions/core/lib/platform.js
var platform_namespaceObject = {};
__nccwpck_require__.r(platform_namespaceObject);
__nccwpck_require__.d(platform_namespaceObject, {
  arch: () => (arch),
  getDetails: () => (getDetails),
  isLinux: () => (isLinux),
  isMacOS: () => (isMacOS),
  isWindows: () => (isWindows),
  platform: () => (platform)
});

// NAMESPACE OBJECT: ./node_modules/@actions/core/lib/core.js
var core_namespaceObject = {};
__nccwpck_require__.r(core_namespaceObject);
__nccwpck_require__.d(core_namespaceObject, {
  ExitCode: () => (ExitCode),
  addPath: () => (addPath),
  debug: () => (debug),
  endGroup: () => (endGroup),
  error: () => (error),
  exportVariable: () => (exportVariable),
  getBooleanInput: () => (getBooleanInput),
  getIDToken: () => (getIDToken),
  getInput: () => (getInput),
  getMultilineInput: () => (getMultilineInput),
  getState: () => (getState),
  group: () => (group),
  info: () => (info),
  isDebug: () => (isDebug),
  markdownSummary: () => (markdownSummary),
  notice: () => (notice),
  platform: () => (platform_namespaceObject),
  saveState: () => (saveState),
  setCommandEcho: () => (setCommandEcho),
  setFailed: () => (setFailed),
  setOutput: () => (setOutput),
  setSecret: () => (setSecret),
  startGroup: () => (startGroup),
  summary: () => (summary),
  toPlatformPath: () => (toPlatformPath),
  toPosixPath: () => (toPosixPath),
  toWin32Path: () => (toWin32Path),
  warning: () => (warning)
});

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
// EXTERNAL MODULE: ./shims/undici/index.mjs + 1 modules
var undici = __nccwpck_require__(4370);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new undici.ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = _summary;
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, external_path_namespaceObject.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${external_path_namespaceObject.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
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
        for (const execution of executions.filter(e => isFailed(e.status)).slice(0, MAX_DETAILS)) {
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
    if (executions.some(e => isFailed(e.status)))
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
function isFailed(status) {
    return !IN_PROGRESS.has(status) && !SUCCEEDED.has(status);
}
/**
 * The verdict in one line; `reason` says why the wait ended before its time (it then fails). The
 * stops asked, when any, close it.
 */
function describe(status, executions, settings, stopped, reason) {
    const event = `Event "${settings.event}"`;
    const failed = executions.filter(e => isFailed(e.status));
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
        [Outputs.Ok]: outcome.ok,
        [Outputs.StatusCode]: shown?.statusCode ?? null,
        // A failed check's message is its first violation; the error and the summary list them all.
        [Outputs.Message]: checked?.violations[0] ?? outcome.failure?.message ?? shown?.message ?? '',
        [Outputs.ErrorCode]: checked ? checked.code : shown?.ok ? null : (shown?.errorCode ?? null),
        [Outputs.HttpErrorType]: shown?.ok ? null : (shown?.httpErrorType ?? null),
        [Outputs.Response]: responseOutput(shown?.response ?? ''),
        [Outputs.Attempts]: outcome.attempts,
        [Outputs.DurationMs]: outcome.durationMs,
        [Outputs.Payload]: outcome.payloadJson,
        [Outputs.IdempotencyKey]: outcome.idempotencyKey,
        [Outputs.Results]: results.map(resultOutput),
        [Outputs.Accepted]: accepted,
        [Outputs.Failed]: results.length - accepted,
        [Outputs.Truncated]: false,
        [Outputs.Preflight]: outcome.preflight
    };
    if (outcome.resultsFile)
        outputs[Outputs.ResultsFile] = outcome.resultsFile;
    if (outcome.executionStatus) {
        const several = results.length > 1;
        outputs[Outputs.Executions] = results.flatMap(result => (result.wait?.executions ?? []).map(execution => ({
            ...executionOutput(execution),
            ...(several ? { linked_account_id: result.linkedAccountId } : {})
        })));
        outputs[Outputs.ExecutionStatus] = outcome.executionStatus;
        if (outcome.correlation)
            outputs[Outputs.Correlation] = outcome.correlation;
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

;// CONCATENATED MODULE: ./src/action/context.ts
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
/**
 * The summary of this run's context. @actions/github is loaded only here, when a summary is wanted,
 * and it parses the event file as it loads: an event file it cannot parse costs the event
 * sections, with a warning, never the run.
 */
async function loadGithubSummary(env, warn) {
    const context = await __nccwpck_require__.e(/* import() | github */ 326).then(__nccwpck_require__.bind(__nccwpck_require__, 2413)).then(github => github.context, (error) => {
        warn(`Could not load the GitHub context from ${env.GITHUB_EVENT_PATH ?? '(no GITHUB_EVENT_PATH)'} (${error.message}); ` +
            'the GitHub context summary has the base fields only.');
        return contextWithoutEvent(env);
    });
    return summarizeGithubContext(context, env);
}
/** The context fields @actions/github reads from the environment, with an empty event payload. */
function contextWithoutEvent(env) {
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
    };
}
function summarizeGithubContext(context, env) {
    // The payload is whatever the event file held, so nothing in it is trusted to have its documented
    // type; @actions/github leaves it empty when the file is missing.
    const payload = context_asObject(context.payload) ?? {};
    // Empty variables count as unset, as @actions/github treats GITHUB_REPOSITORY.
    const serverUrl = (context_text(context.serverUrl) || DEFAULT_SERVER_URL).replace(/\/+$/, '');
    const repository = context_text(env.GITHUB_REPOSITORY) || context_text(context_asObject(payload.repository)?.full_name) || null;
    const runId = context_count(context.runId);
    const summary = {
        event_name: context_text(context.eventName),
        repository,
        ref: context_text(context.ref),
        ref_name: context_text(env.GITHUB_REF_NAME),
        sha: context_text(context.sha),
        actor: context_text(context.actor),
        workflow: context_text(context.workflow),
        job: context_text(context.job),
        run_id: runId,
        run_number: context_count(context.runNumber),
        run_attempt: context_count(context.runAttempt),
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
            const release = context_asObject(payload.release);
            return release ? { release: releaseSummary(release) } : {};
        }
        case 'deployment': {
            const deployment = context_asObject(payload.deployment);
            return deployment ? { deployment: deploymentSummary(deployment) } : {};
        }
        case 'deployment_status': {
            const status = context_asObject(payload.deployment_status);
            const deployment = context_asObject(payload.deployment);
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
            const pullRequest = context_asObject(payload.pull_request);
            return pullRequest ? { pull_request: pullRequestSummary(pullRequest) } : {};
        }
        case 'workflow_run': {
            const run = context_asObject(payload.workflow_run);
            return run ? { workflow_run: workflowRunSummary(run) } : {};
        }
        case 'workflow_dispatch': {
            const inputs = context_asObject(payload.inputs);
            return inputs ? { inputs: { ...inputs } } : {};
        }
        case 'schedule': {
            const schedule = context_text(payload.schedule);
            return schedule !== null ? { schedule } : {};
        }
        default:
            return {};
    }
}
function releaseSummary(release) {
    return {
        tag_name: context_text(release.tag_name),
        name: context_text(release.name),
        html_url: context_text(release.html_url),
        body: context_text(release.body),
        draft: flag(release.draft),
        prerelease: flag(release.prerelease),
        published_at: context_text(release.published_at),
        author: login(release.author)
    };
}
function deploymentSummary(deployment) {
    return {
        id: context_count(deployment.id),
        environment: context_text(deployment.environment),
        ref: context_text(deployment.ref),
        sha: context_text(deployment.sha),
        task: context_text(deployment.task),
        description: context_text(deployment.description),
        url: context_text(deployment.url)
    };
}
function deploymentStatusSummary(status) {
    return {
        state: context_text(status.state),
        environment: context_text(status.environment),
        environment_url: context_text(status.environment_url),
        target_url: context_text(status.target_url),
        description: context_text(status.description)
    };
}
function pushSummary(push) {
    const headCommit = context_asObject(push.head_commit);
    return {
        before: context_text(push.before),
        after: context_text(push.after),
        compare: context_text(push.compare),
        forced: flag(push.forced),
        head_commit: headCommit && {
            id: context_text(headCommit.id),
            message: context_text(headCommit.message),
            url: context_text(headCommit.url),
            timestamp: context_text(headCommit.timestamp),
            author: commitAuthor(headCommit.author)
        },
        commits_count: Array.isArray(push.commits) ? push.commits.length : null
    };
}
function commitAuthor(value) {
    const author = context_asObject(value) ?? {};
    return {
        name: context_text(author.name),
        email: context_text(author.email),
        username: context_text(author.username)
    };
}
function pullRequestSummary(pullRequest) {
    return {
        number: context_count(pullRequest.number),
        title: context_text(pullRequest.title),
        state: context_text(pullRequest.state),
        merged: flag(pullRequest.merged),
        html_url: context_text(pullRequest.html_url),
        head_ref: context_text(context_asObject(pullRequest.head)?.ref),
        base_ref: context_text(context_asObject(pullRequest.base)?.ref),
        user: login(pullRequest.user)
    };
}
function workflowRunSummary(run) {
    return {
        id: context_count(run.id),
        name: context_text(run.name),
        conclusion: context_text(run.conclusion),
        status: context_text(run.status),
        html_url: context_text(run.html_url),
        head_branch: context_text(run.head_branch),
        head_sha: context_text(run.head_sha)
    };
}
function context_asObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : null;
}
function context_text(value) {
    return typeof value === 'string' ? value : null;
}
// @actions/github parses run numbers with parseInt, which gives NaN when the variable is unset.
function context_count(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
function flag(value) {
    return typeof value === 'boolean' ? value : null;
}
function login(user) {
    return context_text(context_asObject(user)?.login);
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/action/inputs.ts
// The action's words and coordinates: inputs read through @actions/core under action.yml's names,
// the naming its messages use, and the run coordinates its Idempotency-Key and instance_tag are
// made of.


const actionNaming = {
    setting: input => `input '${input}'`,
    name: input => `'${input}'`,
    pathsRelativeTo: 'GITHUB_WORKSPACE',
    apiKeyHelp: 'set it from a secret, e.g. api_key: ${{ secrets.REFOLD_API_KEY }} (secrets are empty on ' +
        'pull requests from forks: use dry_run there).'
};
function actionInputs(core) {
    return {
        read: (input) => core.getInput(input),
        secret: value => core.setSecret(value),
        debug: message => core.debug(message)
    };
}
/**
 * The generated key's shared part: the same on every attempt of one step and on a re-run of the
 * job (no run attempt in it), so Refold can drop a repeat; different for another step. Each
 * account's key adds `/<account>` to it.
 */
function deriveIdempotencyKey(env, event) {
    return coordinates(env, ['GITHUB_REPOSITORY', 'GITHUB_RUN_ID', 'GITHUB_JOB', 'GITHUB_ACTION'])
        .concat(encodeURIComponent(event))
        .join('/');
}
/** Unique per run attempt: tells this attempt's executions from a re-run's. */
function runAttemptTag(env) {
    return coordinates(env, [
        'GITHUB_REPOSITORY',
        'GITHUB_RUN_ID',
        'GITHUB_RUN_ATTEMPT',
        'GITHUB_JOB',
        'GITHUB_ACTION'
    ]).join('/');
}
function coordinates(env, names) {
    return names.map(name => env[name] ?? '');
}
/** Where a run with several accounts keeps every account's result, for actions/upload-artifact. */
function resultsFilePath(env) {
    const name = `refold-results-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_ACTION ?? 'step'}.jsonl`;
    return external_node_path_namespaceObject.join(env.RUNNER_TEMP || external_node_os_namespaceObject.tmpdir(), name.replace(/[^\w.-]/g, '_'));
}

;// CONCATENATED MODULE: ./src/action/report.ts



/** Sets every output, cut to GitHub's limits; says whether anything had to be cut. */
function setOutputs(core, outcome) {
    const outputs = fitToLimits(outcomeOutputs(outcome));
    for (const [name, value] of Object.entries(outputs)) {
        core.setOutput(name, asOutputText(value));
    }
    return outputs.truncated;
}
/** Outputs are text: strings as they are, null as '', everything else as JSON. */
function asOutputText(value) {
    if (value === null || value === undefined)
        return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
}
const PAYLOAD_SUMMARY_LIMIT = 64 * 1024;
// GitHub drops a step summary over 1 MiB whole, so every part that grows with the accounts or the
// executions is bounded; each cell of server text is cut at 4 KiB (forSummary) or less.
/** Rows of the accounts table; the rest are in the results file and the `results` output. */
const ACCOUNT_ROWS = 200;
/** Rows of the executions table. */
const EXECUTION_ROWS = 200;
/** Accounts whose failed wait is told in a line of its own. */
const WAIT_LINES = 20;
/** The most the summary may hold: GitHub's 1 MiB, less a margin for what the runner adds. */
const SUMMARY_LIMIT = 1000 * 1024;
const CUT_NOTE_BYTES = 512;
/** A cell of the accounts table: 200 rows of these stay well under GitHub's 1 MiB summary. */
const ACCOUNT_CELL_BYTES = 512;
/** Accounts whose attempts are listed, and failed executions whose detail is shown. */
const DETAILED = 5;
async function writeSummary(core, outcome, settings) {
    const { results } = outcome;
    const parts = [`<h2>${outcome.ok ? '✅' : '❌'} ${forSummary(headline(outcome))}</h2>`];
    if (outcome.failure instanceof PreflightError && outcome.failure.violations.length) {
        parts.push(`<p>The payload does not match the event's schema in Refold, so nothing was fired:</p>`, list(outcome.failure.violations));
    }
    else if (outcome.failure)
        parts.push(`<p>${forSummary(outcome.failure.message)}</p>`);
    if (outcome.cancelled)
        parts.push(`<p>${forSummary(failureMessage(outcome) ?? '')}</p>`);
    if (outcome.notice)
        parts.push(`<p>${forSummary(outcome.notice)}</p>`);
    if (results.length === 1)
        parts.push(oneAccountTable(outcome, results[0], settings));
    if (results.length > 1)
        parts.push(...accountsTables(outcome, settings));
    const hints = [...new Set(results.flatMap(result => result.hints))];
    if (hints.length) {
        parts.push(`<h3>What to check</h3>`, list(hints));
    }
    const retried = results.filter(result => result.attemptLog.length > 1);
    for (const result of retried.slice(0, DETAILED)) {
        parts.push(attemptsTable(result, results.length > 1));
    }
    if (outcome.executionStatus)
        parts.push(...executionsPart(outcome));
    if (outcome.resultsFile) {
        parts.push(`<p>Every account's full result is in <code>${forSummary(outcome.resultsFile)}</code> (the <code>results_file</code> output).</p>`);
    }
    parts.push(payloadBlock(outcome.payloadJson));
    await core.summary.addRaw(withinSummaryLimit(parts).join('\n'), true).write();
}
function oneAccountTable(outcome, result, settings) {
    const rows = [
        ['Event', outcome.event],
        ['Linked account', result.linkedAccountId],
        ['Slug', settings.slug ?? '—'],
        ['Config', settings.configId ?? '—'],
        ['HTTP status', result.statusCode === null ? '—' : String(result.statusCode)]
    ];
    if (!result.ok && (result.errorCode || result.httpErrorType)) {
        rows.push(['Error', [result.httpErrorType, result.errorCode].filter(Boolean).join(' ')]);
    }
    rows.push(['Message', result.message || '—'], ['Attempts', String(result.attempts)], ['Duration', `${outcome.durationMs} ms`], ['Idempotency key', result.idempotencyKey]);
    return table(['Field', 'Value'], rows);
}
/** Counts first, then the accounts with failures first, at most ACCOUNT_ROWS of them. */
function accountsTables(outcome, settings) {
    const { results } = outcome;
    const accepted = results.filter(result => result.ok).length;
    const notSent = results.filter(result => result.notSent).length;
    const counts = [
        ['Event', outcome.event],
        ['Linked accounts', String(results.length)],
        ['Ok', String(accepted)],
        ['Failed', String(results.length - accepted - notSent)],
        ['Not sent', String(notSent)],
        ['Slug', settings.slug ?? '—'],
        ['Config', settings.configId ?? '—'],
        ['Attempts', String(outcome.attempts)],
        ['Duration', `${outcome.durationMs} ms`],
        ['Idempotency key', `${outcome.idempotencyKey}/<account>`]
    ];
    const ordered = [...results.filter(r => !r.ok), ...results.filter(r => r.ok)];
    const rows = ordered
        .slice(0, ACCOUNT_ROWS)
        .map(result => [
        result.linkedAccountId,
        result.ok ? 'ok' : result.notSent ? 'not sent' : 'failed',
        result.statusCode === null ? '—' : String(result.statusCode),
        result.message || '—',
        String(result.attempts),
        result.executionStatus ?? '—'
    ]);
    const parts = [
        table(['Field', 'Value'], counts),
        table(['Linked account', 'Result', 'HTTP status', 'Message', 'Attempts', 'Executions'], rows, ACCOUNT_CELL_BYTES)
    ];
    if (results.length > ACCOUNT_ROWS) {
        const where = outcome.resultsFile ? 'the results file' : 'the <code>results</code> output';
        parts.push(`<p>${results.length - ACCOUNT_ROWS} more linked accounts are in ${where}.</p>`);
    }
    return parts;
}
function attemptsTable(result, named) {
    const title = named ? ` for ${forSummary(result.linkedAccountId)}` : '';
    const rows = result.attemptLog.map((attempt, index) => [
        String(index + 1),
        attempt.outcome,
        attempt.waitMs === undefined ? '—' : `${report_seconds(attempt.waitMs)}`
    ]);
    return (`<h3>Attempts${title}</h3>\n` +
        table(['Attempt', 'Status or cause', 'Wait before the next'], rows));
}
function executionsPart(outcome) {
    const several = outcome.results.length > 1;
    const waited = outcome.results.filter(result => result.wait);
    const executions = waited.flatMap(result => (result.wait?.executions ?? []).map(execution => ({ result, execution })));
    const longest = waited.reduce((most, result) => Math.max(most, result.wait?.durationMs ?? 0), 0);
    const parts = [
        `<h3>Workflow executions: ${forSummary(outcome.executionStatus ?? 'NONE')}</h3>`,
        `<p>Waited ${report_seconds(longest)} for them.</p>`
    ];
    const correlation = correlationNote(outcome);
    if (correlation)
        parts.push(`<p>${correlation}</p>`);
    if (executions.length) {
        const header = ['Workflow', 'Status', 'Started', 'Finished', 'Duration'];
        parts.push(table(several ? ['Linked account', ...header] : header, executions.slice(0, EXECUTION_ROWS).map(({ result, execution }) => {
            const row = [
                execution.workflow,
                execution.status,
                execution.created_at,
                execution.finished_at ?? '—',
                execution.durationMs === undefined ? '—' : report_seconds(execution.durationMs)
            ];
            return several ? [result.linkedAccountId, ...row] : row;
        })));
    }
    if (executions.length > EXECUTION_ROWS) {
        parts.push(`<p>${executions.length - EXECUTION_ROWS} more executions are in the results file.</p>`);
    }
    const failedWaits = waited.filter(result => result.wait && !result.wait.ok);
    for (const result of failedWaits.slice(0, WAIT_LINES)) {
        parts.push(`<p>${forSummary(result.wait.headline)}</p>`);
    }
    if (failedWaits.length > WAIT_LINES) {
        parts.push(`<p>${failedWaits.length - WAIT_LINES} more accounts' executions did not all complete.</p>`);
    }
    const details = failedWaits.flatMap(result => result.wait.details).slice(0, DETAILED);
    parts.push(...details.map(failedExecution));
    const stops = waited.flatMap(result => result.wait?.stopped ?? []);
    if (stops.length) {
        parts.push('<h4>Stopped because the run ended before them</h4>', list(stops.map(stop => `${stop.workflow} (${stop.id}): ${stop.ok ? 'stopped' : `stop failed: ${stop.error ?? 'unknown error'}`}`)));
    }
    return parts;
}
/** Which rule matched executions to their trigger, said plainly: the gate's correlation is best effort. */
function correlationNote(outcome) {
    switch (outcome.correlation) {
        case 'tag':
            return 'Executions were matched to the trigger by their instance_tag.';
        case 'time':
            return 'Executions were matched by event and time (Refold listed no instance_tag).';
        case 'tag+time':
            return 'Executions were matched by instance_tag where Refold listed one, else by event and time.';
        default:
            return '';
    }
}
/** What Refold's detail of a failed execution says: its name, status, error and failed step. */
function failedExecution(failed) {
    const facts = [
        `Execution ${failed.id}${failed.name ? ` (${failed.name})` : ''}: ${failed.status ?? 'status unknown'}`
    ];
    if (failed.error)
        facts.push(`Error: ${failed.error}`);
    if (failed.failedNode) {
        const { name, error } = failed.failedNode;
        facts.push(`First failed step: ${name}${error ? ` — ${error}` : ''}`);
    }
    return `<h4>${forSummary(`Failed: ${failed.workflow}`)}</h4>\n${list(facts)}`;
}
function payloadBlock(payloadJson) {
    let pretty = JSON.stringify(JSON.parse(payloadJson), null, 2);
    let note = '';
    if (pretty.length > PAYLOAD_SUMMARY_LIMIT) {
        note = `<p>Cut at 64 KiB of ${Math.ceil(pretty.length / 1024)} KiB; the whole payload is in the <code>payload</code> output.</p>`;
        pretty = pretty.slice(0, PAYLOAD_SUMMARY_LIMIT);
    }
    return `<details><summary>Payload</summary>\n\n<pre lang="json"><code>${escapeHtml(pretty)}</code></pre>${note}</details>`;
}
/**
 * The parts as they are, or, past SUMMARY_LIMIT, without their largest parts (never the heading)
 * and with a line saying so: each part is bounded, but escaping server text can lengthen it, and
 * GitHub drops a summary over 1 MiB whole.
 */
function withinSummaryLimit(parts) {
    const sizes = parts.map(part => Buffer.byteLength(part) + 1);
    let total = sizes.reduce((sum, size) => sum + size, 0);
    if (total <= SUMMARY_LIMIT)
        return parts;
    const dropped = new Set();
    const largestFirst = [...parts.keys()].slice(1).sort((a, b) => sizes[b] - sizes[a]);
    for (const index of largestFirst) {
        if (total <= SUMMARY_LIMIT - CUT_NOTE_BYTES)
            break;
        dropped.add(index);
        total -= sizes[index];
    }
    return [
        ...parts.filter((_, index) => !dropped.has(index)),
        `<p>${dropped.size} part${dropped.size === 1 ? '' : 's'} of this summary were left out to stay within GitHub's 1 MiB; every account's result is in the results file.</p>`
    ];
}
/** Every cell is inert text: event names, messages and workflow names come from people and servers. */
function table(header, rows, cellBytes) {
    const cells = (tag, values) => `<tr>${values.map(v => `<${tag}>${forSummary(v, cellBytes)}</${tag}>`).join('')}</tr>`;
    return `<table>${cells('th', header)}${rows.map(row => cells('td', row)).join('')}</table>`;
}
function list(items) {
    return `<ul>${items.map(item => `<li>${forSummary(item)}</li>`).join('')}</ul>`;
}
function report_seconds(ms) {
    return `${Number((ms / 1000).toFixed(1))} s`;
}
/** For the payload's `<pre>` block, which Markdown leaves alone up to `</pre>`: quotes stay readable. */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

;// CONCATENATED MODULE: ./src/action/main.ts
// The action's story of one run: inputs → the core's run → outputs, summary, verdict. The only
// place that decides whether the step succeeds, warns or fails.









/** The defaults are the runner's; @github/local-action calls `run()` with none. */
async function main_run(core = core_namespaceObject, env = process.env, clock = systemClock, signal) {
    try {
        await story(core, env, clock, signal);
    }
    catch (error) {
        // A bug, not a handled failure: say so plainly and keep the stack for debug logs only.
        core.debug(error instanceof Error && error.stack ? error.stack : String(error));
        core.setFailed(`refold-trigger failed unexpectedly: ${error?.message ?? error}`);
    }
}
async function story(core, env, clock, signal) {
    let settings;
    let outcome;
    try {
        settings = readSettings(actionInputs(core), actionNaming);
        outcome = await run(settings, {
            clock,
            log: core,
            signal,
            proxyEnv: env,
            naming: actionNaming,
            baseDir: env.GITHUB_WORKSPACE || process.cwd(),
            githubSummary: () => loadGithubSummary(env, message => core.warning(message)),
            keyPrefix: deriveIdempotencyKey(env, settings.event),
            tagPrefix: runAttemptTag(env),
            resultsFile: { path: resultsFilePath(env), severalOnly: true }
        });
    }
    catch (error) {
        if (error instanceof InputError)
            return core.setFailed(error.message);
        throw error;
    }
    if (outcome.notice)
        core.notice(outcome.notice);
    if (setOutputs(core, outcome)) {
        core.warning(`The results and executions outputs were cut to fit GitHub's output limits (truncated is true); ` +
            `every account's result is in the results file ${outcome.resultsFile ?? ''}`.trim());
    }
    if (settings.summary) {
        await writeSummary(core, outcome, settings).catch(error => core.warning(`Could not write the job summary: ${error.message}`));
    }
    main_decide(core, settings, outcome);
}
/** Success, a warning, or a failed step: the action's whole verdict. A cancelled run fails. */
function main_decide(core, settings, outcome) {
    const failure = failureMessage(outcome);
    if (failure === undefined)
        return;
    if (settings.failOnError || outcome.cancelled)
        core.setFailed(failure);
    else
        core.warning(`${failure} (fail_on_error is false, so the step succeeds)`);
}


/***/ }),

/***/ 833:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ cancelOnSignals)
/* harmony export */ });
/* unused harmony export statusFor */
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

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7306);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(833);


const cancellation = (0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelOnSignals */ .d)(() => process.exit(1));
await (0,_action_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)(undefined, undefined, undefined, cancellation.signal);
// A cancelled run has written its record; requests still in flight must not hold the step.
if (cancellation.received())
    process.exit(1);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 4370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ProxyAgent: () => (/* binding */ ProxyAgent),
  fetch: () => (/* binding */ fetch)
});

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: ./shims/undici/index.mjs
// Stands in for undici inside the bundle only: tsconfig.json maps `undici` here, and ncc applies
// that mapping to every import, node_modules included. @actions/http-client and @actions/github
// import undici at start-up but use it only for a proxy dispatcher or a proxied fetch, and its
// ~900 KB cost ~10 ms of every run even unevaluated. So script/bundle.js builds the real undici on
// its own into dist/undici.cjs, and this loads it from beside the bundle on first use.
// Tests, type-checks and plain Node resolve the real undici: they never see this file.


let real
const load = () => (real ??= (0,external_node_module_namespaceObject.createRequire)(import.meta.url)('./undici.cjs'))

class ProxyAgent {
  constructor(...args) {
    return new (load().ProxyAgent)(...args)
  }
}

function fetch(...args) {
  return load().fetch(...args)
}


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
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
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
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
