/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native-ish server packages stay as Node modules rather than being bundled; prom-client too,
  // so a CPU profile names it (bench:load PROFILE=1 measures what metrics cost).
  serverExternalPackages: [
    "pino",
    "@prisma/adapter-pg",
    "pg",
    "music-metadata",
    "file-type",
    "@ffmpeg-installer/ffmpeg",
    "prom-client",
  ],
  typedRoutes: false,
};

export default nextConfig;
