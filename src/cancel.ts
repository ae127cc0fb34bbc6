// SIGINT and SIGTERM as a runner or a terminal sends them: the first cancels the run, which then
// writes its record of what happened; a second means "now" and exits at once.

export interface Cancellation {
  signal: AbortSignal
  /** The signal that cancelled the run, once one came. */
  received(): NodeJS.Signals | undefined
}

/** The conventional status of a process ended by `signal`: 128 + its number. */
export function statusFor(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : 143
}

export function cancelOnSignals(exitAtOnce: (signal: NodeJS.Signals) => never): Cancellation {
  const controller = new AbortController()
  let received: NodeJS.Signals | undefined
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) exitAtOnce(signal)
    received = signal
    controller.abort(new Error(`cancelled by ${signal}`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return { signal: controller.signal, received: () => received }
}
