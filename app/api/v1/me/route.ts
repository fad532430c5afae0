import { NextResponse } from 'next/server';
import { readJson } from '@/lib/http/read-json';
import { withActor } from '@/lib/http/with-actor';
import { getProfile, updateProfile, updateProfileSchema } from '@/lib/profile/profile';

export const GET = withActor(async (_request, actor) => NextResponse.json(await getProfile(actor)));

export const PATCH = withActor(async (request, actor) => {
  const input = await readJson(request, updateProfileSchema);
  return NextResponse.json(await updateProfile(actor, input));
});
