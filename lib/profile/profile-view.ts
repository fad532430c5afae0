import { organisationDomain, userRole } from '@/db/schema';
import { id } from '@/lib/validation/view-fields';
import { z } from '@/lib/validation/zod';

/* The signed-in user as getProfile returns it and the API answers, defined once. */

export const profileResponse = z
  .object({
    id,
    name: z.string(),
    email: z.string(),
    role: z.enum(userRole.enumValues),
    locale: z.string(),
    version: z.int(),
    organisation: z.object({ id, name: z.string(), domain: z.enum(organisationDomain.enumValues) }),
  })
  .meta({ id: 'Profile' });

export type Profile = z.infer<typeof profileResponse>;
