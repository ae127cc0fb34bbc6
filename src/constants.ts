// Input and output names as action.yml spells them, and the fixed facts of the Refold API.
import pkg from '../package.json' with { type: 'json' }

export const Inputs = {
  ApiKey: 'api_key',
  Event: 'event',
  LinkedAccountId: 'linked_account_id',
  ConfigId: 'config_id',
  Slug: 'slug',
  Payload: 'payload',
  PayloadFile: 'payload_file',
  GithubContext: 'github_context',
  BaseUrl: 'base_url',
  Timeout: 'timeout',
  Retries: 'retries',
  FailOnError: 'fail_on_error',
  IdempotencyKey: 'idempotency_key',
  DryRun: 'dry_run',
  Wait: 'wait',
  WaitTimeout: 'wait_timeout',
  WaitInterval: 'wait_interval',
  Summary: 'summary'
} as const

export const Outputs = {
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
  ExecutionStatus: 'execution_status'
} as const

export const DEFAULT_BASE_URL = 'https://api.gocobalt.io'
export const USER_AGENT = `refold-trigger/${pkg.version}`

export const Paths = {
  TriggerEvent: '/api/v2/public/event',
  ListEvents: '/api/v2/public/application/event',
  ListExecutions: '/api/v2/public/execution'
} as const
