// The audio tools' settings, part of server/env.ts's schema, validated here on their own as well:
// the analysis scripts (eval, bench) run without the app's database and bucket settings.
import "server-only";
import { z } from "zod";

export const audioToolsSchema = z.object({
  FFMPEG_PATH: z.string().min(1).optional(),
});

export const audioToolsEnv = audioToolsSchema.parse(process.env);
