import { z } from '@/lib/validation/zod';
import { msg } from '@/lib/errors';

export const confirmationSchema = z.discriminatedUnion(
  'response',
  [
    z.strictObject({ response: z.literal('akkoord') }),
    z.strictObject({
      response: z.literal('vraag'),
      question: z
        .string({ message: msg('live.askQuestion') })
        .trim()
        .min(3, msg('live.askQuestionMin3'))
        .max(500, msg('common.max500')),
    }),
  ],
  { message: msg('live.chooseAgreeOrAsk') },
);
export type ConfirmationInput = z.infer<typeof confirmationSchema>;

export const currentItemSchema = z.strictObject({
  itemId: z.uuid({ message: msg('live.chooseItem') }).nullable(),
});
export type CurrentItemInput = z.infer<typeof currentItemSchema>;
