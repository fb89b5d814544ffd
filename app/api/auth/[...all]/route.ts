import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/server/auth/auth";
import { auditAuthResponse } from "@/server/audit/auth-events";

const handlers = toNextJsHandler(auth);

export const GET = handlers.GET;

export async function POST(request: Request) {
  const copy = request.clone();
  const response = await handlers.POST(request);
  await auditAuthResponse(copy, response);
  return response;
}
