/**
 * The precompiled check of one change (see scripts/change-check/generate.ts): true when zod's
 * `Change` would accept it, in which case unknown keys have been deleted from it in place, so it is
 * then the object `Change.parse` returns. False says nothing more (zod explains the rejection); some
 * unknown keys may have been deleted by then too.
 */
export declare function validate(data: unknown): boolean;
export default validate;
