import { mkdir } from "node:fs/promises";
import path from "node:path";
import S3rver from "s3rver";

export const LOCAL_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface LocalS3 {
  endpoint: string;
  port: number;
  stop: () => Promise<void>;
}

function corsXml(allowedOrigins: string[]) {
  const origins = allowedOrigins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join("");
  return `<CORSConfiguration><CORSRule>${origins}
    <AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader><ExposeHeader>Content-Range</ExposeHeader>
    <ExposeHeader>Accept-Ranges</ExposeHeader><ExposeHeader>Content-Length</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

/**
 * Starts s3rver, an S3-compatible server on the local filesystem, with the bucket created and a
 * CORS rule for the app's origins. It does not check POST policies: the app never relies on that.
 */
export async function startLocalS3(options: {
  dataDir: string;
  port: number;
  bucket: string;
  allowedOrigins: string[];
}): Promise<LocalS3> {
  const directory = path.resolve(options.dataDir);
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port,
    directory,
    silent: true,
    configureBuckets: [{ name: options.bucket, configs: [corsXml(options.allowedOrigins)] }],
  });
  const address = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    stop: () => server.close(),
  };
}
