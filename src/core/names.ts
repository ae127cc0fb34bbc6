// Input and output names as action.yml spells them: the core's input errors quote them, the action
// reads and writes them, and the CLI maps its flags onto them.

export const Inputs = {
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
  Results: 'results',
  Accepted: 'accepted',
  Failed: 'failed',
  ExecutionStatus: 'execution_status',
  Correlation: 'correlation',
  ResultsFile: 'results_file',
  Truncated: 'truncated',
  Preflight: 'preflight'
} as const
