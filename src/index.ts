import { run } from './action/main.js'
import { cancelOnSignals } from './cancel.js'

const cancellation = cancelOnSignals(() => process.exit(1))
await run(undefined, undefined, undefined, cancellation.signal)
// A cancelled run has written its record; requests still in flight must not hold the step.
if (cancellation.received()) process.exit(1)
