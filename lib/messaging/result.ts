/** How a request across the extension's message boundary answers: never a thrown error. */
export type Failure = { ok: false; error: { code: string; message: string } };
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string): Failure => ({ ok: false, error: { code, message } });
