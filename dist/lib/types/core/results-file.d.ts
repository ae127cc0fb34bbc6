import type { AccountResult } from './fire.js';
export declare function writeResultsFile(file: string, results: readonly AccountResult[]): Promise<void>;
