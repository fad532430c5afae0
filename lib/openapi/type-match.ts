/**
 * Compile-time checks that a documented response schema equals what the lib function returns, as JSON
 * (dates become strings): a view that changes breaks `tsc` until the OpenAPI document follows.
 */
import type { Json } from '@/lib/http/json';

export type { Json };
type Keys<T> = T extends unknown ? keyof T : never;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Mutually assignable, and with the same property names (optional ones included) in every member. */
export type Same<A, B> = Mutual<A, B> extends true ? Mutual<Keys<A>, Keys<B>> : false;
export type Returned<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;
