/**
 * zod's own messages (too short, wrong type, …): zod renders each issue in both languages when it is
 * found (lib/validation/zod.ts), and the reference carries both; the edge picks one.
 */
export const nl = {
  'zod.builtin': '{nl}',
};

export const en: Record<keyof typeof nl, string> = {
  'zod.builtin': '{en}',
};
