// Membership in a closed set of values (schema/domain.ts: landscapes, regions, triggers, subchannels…), typed:
// a string read from the file is narrowed to the set's type when it is one of them, so no caller casts the set
// to `string[]` to ask, or the value to the set's type afterwards.

/** Whether `value` is one of `set` (exactly, case included); narrows `value` to the set's type. */
export function isOneOf<T extends string>(set: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (set as readonly string[]).includes(value);
}
