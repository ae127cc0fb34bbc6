export * from './types/lib.js'
