export interface TextPosition {
    line: number;
    column: number;
}
/** The 1-based line and column of the first syntax error in `text`, or undefined if it is valid. */
export declare function locateJsonError(text: string): TextPosition | undefined;
export declare function positionOf(text: string, offset: number): TextPosition;
