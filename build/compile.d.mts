/** Types of build/compile.mjs, for the TypeScript that imports it (the test set-up). */
export function isCurrent(): boolean;
export function compile(): Promise<void>;
export function compiled(entry: 'main' | 'cli' | 'ensure-ui'): Promise<string>;
