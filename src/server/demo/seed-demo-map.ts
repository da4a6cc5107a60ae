/* The demo's four-colour map: each post works in an area (given to the template wizard, so its
 * risks inherit it), and the areas get rectangles on the (grid) plan, so the map is coloured on
 * first start. Runs after the main seed transaction, through the services a user's clicks go through. */
import type { AppDeps } from '../app-deps.js';
import { setAreaPolygon } from '../modules/publication/risk-map.service.js';

/** Template post key → demo area name. */
export const demoPostAreas: Record<string, string> = {
  'lathe-operator': '机加工车间',
  'grinder-operator': '机加工车间',
  'workshop-head': '机加工车间',
  'press-operator': '冲焊车间',
  welder: '冲焊车间',
  'crane-operator': '冲焊车间',
  'spray-painter': '喷漆房',
  'forklift-driver': '原料及成品仓库',
  'warehouse-keeper': '油漆库',
  electrician: '配电室',
  'maintenance-fitter': '空压机房',
};

/** Relative rectangles [x, y, width, height] on the plan. */
const demoAreaRects: Record<string, [number, number, number, number]> = {
  机加工车间: [0.04, 0.06, 0.44, 0.42],
  冲焊车间: [0.52, 0.06, 0.44, 0.42],
  喷漆房: [0.52, 0.54, 0.2, 0.2],
  原料及成品仓库: [0.04, 0.54, 0.28, 0.4],
  油漆库: [0.76, 0.54, 0.2, 0.2],
  配电室: [0.36, 0.54, 0.12, 0.18],
  空压机房: [0.36, 0.76, 0.12, 0.18],
  办公楼: [0.52, 0.78, 0.44, 0.16],
};

export async function seedDemoMap(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  postIdsByKey: Map<string, string>,
  areaIdsByName: Map<string, string>,
): Promise<void> {
  // The posts were placed in their areas by the wizard (demoPostAreas), and their risks inherited them.
  void postIdsByKey;
  for (const [areaName, [x, y, w, h]] of Object.entries(demoAreaRects)) {
    const areaId = areaIdsByName.get(areaName);
    if (!areaId) continue;
    const points = [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
    await setAreaPolygon(deps, actor, areaId, { points }, 'zh-CN');
  }
}
