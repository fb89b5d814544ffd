import "server-only";

// Provisional until the first evaluation run: detected nuclei per spoken word, and the relative
// error band of the two rates.
export const NUCLEI_PER_WORD = 1.3;
export const WORDS_PER_MINUTE_ERROR = { under: 0.15, over: 0.15 };
export const SYLLABLES_PER_MINUTE_ERROR = { under: 0.15, over: 0.15 };
