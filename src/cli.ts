import { cancelOnSignals, statusFor } from './cancel.js'
import { run } from './cli/main.js'

const cancellation = cancelOnSignals(signal => process.exit(statusFor(signal)))
process.exitCode = await run(process.argv.slice(2), process.env, process, undefined, cancellation)
// A cancelled run has printed its record; requests still in flight must not hold the process.
if (cancellation.received()) process.exit(process.exitCode)
