import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<{ requestId: string }>();

/** Runs an API request's work with its request id at hand, for every log line written on its behalf. */
export const withRequestId = <T>(requestId: string, work: () => Promise<T>): Promise<T> => current.run({ requestId }, work);

/** The id of the API request being served, if any. */
export const currentRequestId = (): string | undefined => current.getStore()?.requestId;
