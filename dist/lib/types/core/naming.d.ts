import { Inputs } from './names.js';
export type InputName = (typeof Inputs)[keyof typeof Inputs];
export interface Naming {
    /** The setting as the user wrote it, ready to stand in a sentence: `input 'timeout'`, `--timeout`. */
    setting(input: InputName): string;
    /** The setting's bare name, for hints: `'timeout'`, `--timeout`, `options.timeout`. */
    name(input: InputName): string;
    /**
     * Where a relative path is resolved from, in the words the door's user knows (the workspace, the
     * current directory).
     */
    pathsRelativeTo: string;
    /** How to give the api key, as one sentence ending in a period. */
    apiKeyHelp: string;
}
/** The library's names: the inputs in camelCase, except that the account list is plural. */
export declare function optionName(input: InputName): string;
export declare const libraryNaming: Naming;
