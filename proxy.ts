import { NextResponse, type NextRequest } from "next/server";
import { env } from "./server/env";
import { securityHeaders, storageOrigins } from "./server/security/headers";

const headers = securityHeaders({
  storageOrigins: storageOrigins({
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    cdnUrl: env.CDN_URL,
  }),
  development: env.NODE_ENV === "development",
});

export function proxy(request: NextRequest) {
  // tRPC mutations are accepted only as POST with a JSON body: a cross-site HTML form can send
  // neither JSON nor a preflight-free custom content type.
  if (
    request.nextUrl.pathname.startsWith("/api/trpc") &&
    request.method === "POST" &&
    !request.headers.get("content-type")?.toLowerCase().startsWith("application/json")
  ) {
    return NextResponse.json(
      { error: { message: "Send mutations as POST with a JSON body (Content-Type: application/json)." } },
      { status: 415, headers },
    );
  }
  const response = NextResponse.next();
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
