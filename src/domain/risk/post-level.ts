import { highestLevel, type RiskLevel } from './risk-level';

export type PostRisk = {
  readonly level: RiskLevel | null;
  /** Only accepted (approved, current) evaluations count toward the post's level. */
  readonly isAccepted: boolean;
};

// 鲁应急 seed 001 第七条: 将最高风险等级作为该岗位的风险等级.
export function postLevel(risks: readonly PostRisk[]): RiskLevel | null {
  return highestLevel(
    risks.flatMap((r) => (r.isAccepted && r.level !== null ? [r.level] : [])),
  );
}
