// Every request and notification handler runs through `guarded`: an exception is logged with its stack and
// the handler answers a harmless default, so one bad input never takes the server down ("crashed 5 times").
export function guarded<A extends unknown[], R>(
  name: string,
  log: (message: string) => void,
  fallback: R,
  handler: (...args: A) => R,
): (...args: A) => R {
  return (...args: A): R => {
    try {
      return handler(...args);
    } catch (error) {
      log(`[${name}] ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  };
}
