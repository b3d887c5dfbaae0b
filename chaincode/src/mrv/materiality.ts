/**
 * Whether verified emissions differ materially from computed ones: |verified − computed| × 10,000 >
 * thresholdBasisPoints × computed. BigInt because the products can exceed 2^53 for large emitters; exact, so
 * nothing is rounded and a difference of exactly the threshold is not material.
 */
export function isMaterialDifference(
  verified: number,
  computed: number,
  thresholdBasisPoints: number,
): boolean {
  const difference = BigInt(verified) - BigInt(computed);
  const magnitude = difference < 0n ? -difference : difference;
  return magnitude * 10_000n > BigInt(thresholdBasisPoints) * BigInt(computed);
}
