export { ProxyAgent, fetch } from 'undici/index.js'
