/* The demo's safety signs (GB 2894; seed 001 第十一条): what a machinery workshop of this kind has
 * on its walls, so the 较大 areas (paint booth, paint store, press-and-weld shop, compressor room) are
 * not flagged for a missing warning sign on first start. Made through the register's service (each
 * area gets its monthly sign check on a post working there), then the checking posts' lists are
 * published again, as a manager would after adding the signs. */
import type { AppDeps } from '../app-deps.js';
import { publishInspectionList } from '../modules/inspections/inspection-lists.service.js';
import { createSafetySign, getSafetySignOverview } from '../modules/publication/safety-signs.service.js';
import { findCommonSafetySign } from '../../reference/safety-signs.js';

/** [area, GB 2894 common sign code, where it is posted, how many]. */
export const demoSafetySigns: [string, string, string, number][] = [
  ['机加工车间', 'caution-machinery', '车床、铣床操作位旁', 4],
  ['机加工车间', 'no-gloves', '车床、铣床、钻床操作位', 4],
  ['机加工车间', 'wear-goggles', '平面磨床、砂轮机旁', 2],
  ['机加工车间', 'emergency-exit', '车间东、西出口', 2],
  ['冲焊车间', 'caution-hand-injury', '开式压力机操作位', 2],
  ['冲焊车间', 'caution-crane', '桥式起重机作业区两端立柱', 2],
  ['冲焊车间', 'caution-electric-shock', '交流电焊机及焊机电源箱', 2],
  ['冲焊车间', 'wear-ear-protection', '冲压区入口', 1],
  ['冲焊车间', 'emergency-exit', '车间南出口', 1],
  ['喷漆房', 'no-fire', '喷漆房门外', 1],
  ['喷漆房', 'caution-fire', '喷漆房门外', 1],
  ['喷漆房', 'caution-poisoning', '喷漆房门内侧', 1],
  ['喷漆房', 'wear-gas-mask', '喷漆房入口', 1],
  ['油漆库', 'no-fire', '油漆库门外', 1],
  ['油漆库', 'caution-explosion', '油漆库门外', 1],
  ['油漆库', 'caution-fire', '气瓶存放间门外', 1],
  ['油漆库', 'no-entry', '油漆库门外（非库管人员）', 1],
  ['配电室', 'caution-electric-shock', '配电室门外及配电柜', 3],
  ['配电室', 'no-entry', '配电室门外（非电工）', 1],
  ['空压机房', 'caution-explosion', '储气罐罐体', 1],
  ['空压机房', 'wear-ear-protection', '空压机房门外', 1],
  ['原料及成品仓库', 'caution-vehicles', '叉车通道入口', 2],
  ['原料及成品仓库', 'assembly-point', '仓库门前空地', 1],
];

export async function seedDemoSafetySigns(deps: AppDeps, actor: { userId: string; enterpriseId: string }, areaIdsByName: Map<string, string>): Promise<void> {
  // Installed the spring before the demo year, so the register reads as kept, not just made.
  const installedOn = `${deps.clock.now().getUTCFullYear() - 1}-03-15`;
  for (const [areaName, code, location, quantity] of demoSafetySigns) {
    const areaId = areaIdsByName.get(areaName);
    const sign = findCommonSafetySign(code);
    if (!areaId || !sign) throw new Error(`demo safety sign ${areaName}/${code}: unknown area or sign`);
    await createSafetySign(deps, actor, {
      areaId,
      equipmentId: null,
      category: sign.category,
      signCode: code,
      name: sign.name['zh-CN'],
      location,
      quantity,
      photoId: null,
      installedOn,
      checkPostId: null,
    });
  }
  const { checks } = await getSafetySignOverview(deps, actor.enterpriseId);
  for (const postId of new Set(checks.filter((c) => c.hasUnpublishedChanges || !c.isPublished).map((c) => c.postId))) {
    await publishInspectionList(deps, actor, postId);
  }
}
