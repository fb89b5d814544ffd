/** Share as a percentage with one decimal; a dash when nothing happened. */
export const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)}%`);

export const dollars = (amount: number) =>
  new Intl.NumberFormat("en", { style: "currency", currency: "USD" }).format(amount);
