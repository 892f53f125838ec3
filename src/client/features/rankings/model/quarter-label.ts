/** "2026-Q3" → ["3", "2026"] for the "Quý 3/2026" label. */
export function quarterParts(quarter: string): [string, string] {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? [m[2] as string, m[1] as string] : [quarter, ''];
}

/** A rate's numerator/denominator as shown: "—" when there is nothing to divide. */
export const hasRate = (c: { denominator: number; rate: number | null }) => c.denominator > 0 && c.rate !== null;
