/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native-ish server packages stay as Node modules rather than being bundled.
  serverExternalPackages: ["pino", "@prisma/adapter-pg", "pg", "music-metadata", "file-type", "@ffmpeg-installer/ffmpeg"],
  typedRoutes: false,
};

export default nextConfig;
