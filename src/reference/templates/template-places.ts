/**
 * The places (areas) where each template post's work happens, with their seed 001 第七条 facts:
 * 中毒、爆炸、火灾等危险因素 and a suggested number of people working there at the same time. The
 * wizard suggests these areas per post and asks, per hazardous place, how many people work there at
 * once; risks inherit their post's area, so 第七条（一）3 / （二）2 grade them (issue 9 §1, issue 8 item 5).
 *
 * Not from the seed: which place of a template post has which hazard kinds is the product's
 * judgement from the posts' own risks (the spray painter's solvent fire and vapour poisoning, the
 * boiler's and gas station's explosion…), to be checked by the enterprise. Management posts have no
 * place of their own.
 */
import type { Industry } from './template-types';

export type PlaceHazardKind = 'poisoning' | 'explosion' | 'fire';

export interface TemplatePlace {
  /** Suggested area name; an existing area of the same name is reused. */
  readonly name: string;
  readonly hazardKinds: readonly PlaceHazardKind[];
  /** Suggested 同一作业时间作业人员 (the wizard asks; only meaningful with hazard kinds). */
  readonly peopleAtOnce: number;
}

const place = (name: string, hazardKinds: readonly PlaceHazardKind[] = [], peopleAtOnce = 0): TemplatePlace => ({ name, hazardKinds, peopleAtOnce });

const places: Readonly<Record<string, readonly TemplatePlace[]>> = {
  'machinery/lathe-operator': [place('机加工车间')],
  'machinery/grinder-operator': [place('机加工车间')],
  'machinery/press-operator': [place('冲压车间')],
  'machinery/welder': [place('焊接区', ['fire', 'explosion'], 2)],
  'machinery/crane-operator': [place('冲焊车间')],
  'machinery/forklift-driver': [place('原料及成品仓库')],
  'machinery/electrician': [place('配电室')],
  'machinery/spray-painter': [place('喷漆房', ['poisoning', 'fire'], 2)],
  'machinery/warehouse-keeper': [place('油漆库', ['explosion', 'fire'], 1), place('原料及成品仓库')],
  'machinery/maintenance-fitter': [place('维修间')],
  'building_materials/crusher-operator': [place('破碎车间')],
  'building_materials/mixer-operator': [place('搅拌站')],
  'building_materials/kiln-operator': [place('窑炉车间', ['explosion', 'fire'], 2)],
  'building_materials/loader-operator': [place('砂石料场')],
  'commerce/warehouse-worker': [place('仓库')],
  'commerce/forklift-driver': [place('叉车充电区', ['fire'], 1)],
  'commerce/delivery-driver': [place('装卸平台')],
  'commerce/store-clerk': [place('门店卖场', ['fire'], 3)],
  'light_industry/woodworker': [place('木工车间', ['explosion', 'fire'], 2)],
  'light_industry/injection-molder': [place('注塑车间')],
  'light_industry/packer': [place('包装车间')],
  'light_industry/boiler-operator': [place('锅炉房', ['explosion', 'fire'], 1)],
  'metallurgy/furnace-operator': [place('熔炼车间', ['explosion', 'fire'], 2)],
  'metallurgy/pouring-worker': [place('浇注区', ['explosion', 'fire'], 3)],
  'metallurgy/foundry-crane-operator': [place('熔炼车间', ['explosion', 'fire'], 2)],
  'metallurgy/gas-operator': [place('煤气区域', ['poisoning', 'explosion', 'fire'], 1)],
  'nonferrous/casting-operator': [place('熔铸车间', ['explosion', 'fire'], 2)],
  'nonferrous/aluminium-polisher': [place('抛光车间', ['explosion', 'fire'], 3)],
  'nonferrous/pickling-operator': [place('酸洗车间', ['poisoning'], 2)],
  'nonferrous/crane-operator': [place('熔铸车间', ['explosion', 'fire'], 2)],
  'textile/spinner': [place('纺纱车间', ['fire'], 3)],
  'textile/weaver': [place('织布车间', ['fire'], 3)],
  'textile/dyer': [place('印染车间', ['poisoning'], 2)],
  'textile/air-compressor-operator': [place('空压机房')],
  'tobacco/primary-processing-operator': [place('制丝车间', ['fire'], 3)],
  'tobacco/making-packing-operator': [place('卷包车间', ['fire'], 3)],
  'tobacco/utilities-operator': [place('动力站房', ['explosion', 'fire'], 1)],
  'tobacco/tobacco-warehouse-keeper': [place('烟叶仓库', ['poisoning', 'fire'], 1)],
};

export function templatePlacesOf(industry: Industry, postKey: string): readonly TemplatePlace[] {
  return places[`${industry}/${postKey}`] ?? [];
}

export function allTemplatePlaceKeys(): string[] {
  return Object.keys(places);
}
