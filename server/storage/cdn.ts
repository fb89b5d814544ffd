import "server-only";
import { getSignedUrl } from "@aws-sdk/cloudfront-signer";

/** A CloudFront distribution in front of the bucket, reached with signed URLs (docs/cdn.md). */
export interface CdnConfig {
  url: string;
  keyPairId: string;
  privateKey: string;
}

/**
 * A CloudFront signed URL (canned policy) for one object, valid until expiresAt. The signature
 * depends only on the URL and the expiry, so callers in the same playback window get the same URL
 * and the edge and the browser cache it as one object.
 */
export function cdnSignedUrl(cdn: CdnConfig, key: string, expiresAt: Date) {
  const path = key.split("/").map(encodeURIComponent).join("/");
  return getSignedUrl({
    url: `${cdn.url.replace(/\/+$/, "")}/${path}`,
    keyPairId: cdn.keyPairId,
    privateKey: cdn.privateKey,
    dateLessThan: expiresAt,
  });
}
