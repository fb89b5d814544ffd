// Loads .env like `dotenv/config`, then treats its empty values as unset, so every `??` in the
// scripts and the local stack's defaults see `BETTER_AUTH_SECRET=` as missing. Import it first.
import { config } from "dotenv";
import { dropEmptyValues } from "./empty-values";

config();
dropEmptyValues(process.env);
