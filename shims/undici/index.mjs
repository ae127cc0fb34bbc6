// Stands in for undici inside the bundle only: tsconfig.json maps `undici` here, and ncc applies
// that mapping to every import, node_modules included. @actions/http-client and @actions/github
// import undici at start-up but use it only for a proxy dispatcher or a proxied fetch, and its
// ~900 KB cost ~10 ms of every run even unevaluated. So script/bundle.js builds the real undici on
// its own into dist/undici.cjs, and this loads it from beside the bundle on first use.
// Tests, type-checks and plain Node resolve the real undici: they never see this file.
import { createRequire } from 'node:module'

let real
const load = () => (real ??= createRequire(import.meta.url)('./undici.cjs'))

export class ProxyAgent {
  constructor(...args) {
    return new (load().ProxyAgent)(...args)
  }
}

export function fetch(...args) {
  return load().fetch(...args)
}
