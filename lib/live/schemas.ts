import { z } from '@/lib/validation/zod';

export const confirmationSchema = z.discriminatedUnion(
  'response',
  [
    z.strictObject({ response: z.literal('akkoord') }),
    z.strictObject({
      response: z.literal('vraag'),
      question: z
        .string({ message: 'Stel je vraag.' })
        .trim()
        .min(3, 'Stel je vraag (minstens 3 tekens).')
        .max(500, 'Maximaal 500 tekens.'),
    }),
  ],
  { message: 'Kies akkoord of stel een vraag terug.' },
);
export type ConfirmationInput = z.infer<typeof confirmationSchema>;

export const currentItemSchema = z.strictObject({
  itemId: z.uuid({ message: 'Kies een agendapunt.' }).nullable(),
});
export type CurrentItemInput = z.infer<typeof currentItemSchema>;
