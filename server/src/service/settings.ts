// The user's settings (`sinchcp.*`), parsed with zod from whatever the client sends: unknown or malformed
// entries fall back to the defaults instead of breaking validation.
import { z } from 'zod';
import type { SeveritySetting } from '../rules/types';

const severitySetting = z.enum(['error', 'warning', 'info', 'off']);

const settingsSchema = z.object({
  validate: z.object({ enable: z.boolean().catch(true) }).catch({ enable: true }),
  rules: z.record(z.string(), z.unknown()).catch({}),
});

export interface Settings {
  validate: { enable: boolean };
  /** Per-rule severity overrides; rules not named keep their default. */
  rules: Record<string, SeveritySetting>;
}

export const defaultSettings: Settings = { validate: { enable: true }, rules: {} };

export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  if (!parsed.success) return defaultSettings;
  const rules: Record<string, SeveritySetting> = {};
  for (const [name, value] of Object.entries(parsed.data.rules)) {
    const severity = severitySetting.safeParse(typeof value === 'string' ? value.toLowerCase() : value);
    if (severity.success) rules[name] = severity.data;
  }
  return { validate: parsed.data.validate, rules };
}
