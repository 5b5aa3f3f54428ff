/** Rounds to `decimals` places: 4 keeps estimates tidy (6h is 0.75 days), 2 is what pages and reports show. */
export function round(value: number, decimals = 4): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
