/**
 * The input of the history's first page. The history page prefetches with it and the screen
 * queries with it: the same input is the same cache entry, so the screen starts with the data.
 */
export const historyInput = (studentId: string | undefined) => ({ limit: 10, ownerId: studentId });
