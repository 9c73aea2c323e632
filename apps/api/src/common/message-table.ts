/** An error code's HTTP status and its message in Chinese and English ({name} placeholders). */
export type MessageTable = Record<string, readonly [number, string, string]>;
