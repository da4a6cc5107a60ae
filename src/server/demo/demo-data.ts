/* The demo enterprise: a 40-person machinery workshop (机械加工), as data. */
export const demoEnterprise = {
  name: '鲁安精密机械加工有限公司',
  // 17 characters; the GB 32100 check character is computed by the seed.
  creditCodeBody: '91370102MA3C4D5E6',
  industry: 'machinery' as const,
  regionCode: '370102',
  address: '山东省济南市历下区工业南路 88 号',
  headcount: 40,
  revenueCny: 12_000_000,
  principalName: '王建国',
  principalPhone: '13905310001',
};

export const demoSecondEnterprise = {
  name: '历城区顺达商贸有限公司',
  creditCodeBody: '92370112MA3F7G8H9',
  industry: 'commerce' as const,
  regionCode: '370112',
  address: '山东省济南市历城区仓储路 6 号',
  headcount: 12,
  revenueCny: 2_500_000,
  principalName: '刘顺达',
  principalPhone: '13905310099',
};

/** [name, kind, parent name] — parents listed before children. */
export const demoOrgUnits: [string, 'department' | 'workshop' | 'team', string | null][] = [
  ['综合办公室', 'department', null],
  ['安全环保部', 'department', null],
  ['生产部', 'department', null],
  ['机加工车间', 'workshop', '生产部'],
  ['车铣班', 'team', '机加工车间'],
  ['磨削班', 'team', '机加工车间'],
  ['冲焊车间', 'workshop', '生产部'],
  ['冲压班', 'team', '冲焊车间'],
  ['焊接涂装班', 'team', '冲焊车间'],
  ['设备动力部', 'department', null],
  ['仓储物流部', 'department', null],
];

/**
 * The demo posts come from the machinery template (src/reference/templates/machinery), so the demo
 * enterprise starts with evaluated risks, measures and inspection items:
 * [template post key, org unit, headcount, attached non-routine risk sets]. Headcounts add up to 40.
 */
export const demoPosts: [string, string, number, string[]][] = [
  ['principal', '综合办公室', 1, []],
  ['safety-manager', '安全环保部', 1, []],
  ['workshop-head', '机加工车间', 2, []],
  ['lathe-operator', '车铣班', 10, []],
  ['grinder-operator', '磨削班', 3, []],
  ['press-operator', '冲压班', 5, []],
  ['welder', '焊接涂装班', 4, ['hot-work']],
  ['spray-painter', '焊接涂装班', 2, []],
  ['crane-operator', '设备动力部', 2, []],
  ['electrician', '设备动力部', 2, ['temporary-electricity']],
  ['maintenance-fitter', '设备动力部', 3, ['equipment-maintenance', 'confined-space', 'work-at-height']],
  ['forklift-driver', '仓储物流部', 2, []],
  ['warehouse-keeper', '仓储物流部', 3, []],
];

export const demoPeopleNames = [
  '王建国', '李秀英', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰', '吴芳',
  '徐明', '孙丽', '马超', '朱红', '胡军', '郭鹏', '何燕', '高峰', '林涛', '罗娟',
  '郑斌', '梁勇', '谢婷', '宋涛', '唐亮', '许刚', '韩雪', '冯浩', '邓辉', '曹阳',
  '彭飞', '曾琳', '肖鹏', '田野', '董华', '袁鑫', '潘东', '于洋', '蒋波', '蔡琴',
];

type AreaHazardKind = 'poisoning' | 'explosion' | 'fire';
/**
 * [name, description, org unit, seed 001 第七条 hazard kinds, most people there at once]. The paint
 * booth (fire + solvent poisoning, the two painters at once) and the paint store (fire + explosion,
 * one keeper) are graded 较大 by 第七条（二）2 whatever their LEC score.
 */
export const demoAreas: [string, string, string | null, AreaHazardKind[]?, number?][] = [
  ['机加工车间', '车床、铣床、磨床作业区', '机加工车间'],
  ['冲焊车间', '冲压与焊接作业区', '冲焊车间'],
  ['喷漆房', '涂装作业，使用油漆、稀释剂', '焊接涂装班', ['poisoning', 'fire'], 2],
  ['原料及成品仓库', '钢材、成品存放', '仓储物流部'],
  ['油漆库', '油漆、稀释剂、气瓶存放', '仓储物流部', ['explosion', 'fire'], 1],
  ['配电室', '低压配电', '设备动力部'],
  ['空压机房', '空压机及储气罐', '设备动力部'],
  ['办公楼', '办公区域', '综合办公室'],
];

/** [name, model, code, area, isSpecial] */
export const demoEquipment: [string, string, string, string, boolean][] = [
  ['卧式车床', 'CA6140', 'JJ-001', '机加工车间', false],
  ['万能铣床', 'X6132', 'JJ-010', '机加工车间', false],
  ['平面磨床', 'M7130', 'JJ-020', '机加工车间', false],
  ['砂轮机', 'M3025', 'JJ-025', '机加工车间', false],
  ['开式压力机', 'J23-40', 'CH-001', '冲焊车间', false],
  ['交流电焊机', 'BX1-400', 'CH-020', '冲焊车间', false],
  ['桥式起重机', 'QD10t-22.5m', 'TZ-QZ-001', '冲焊车间', true],
  ['内燃叉车', 'CPCD30', 'TZ-CC-001', '原料及成品仓库', true],
  ['储气罐', 'C-1.0/0.8', 'TZ-RQ-001', '空压机房', true],
  ['低压配电柜', 'GGD', 'DL-001', '配电室', false],
];

/** [name, GB 6944 class or null, CAS, max stock, area] */
export const demoMaterials: [string, string | null, string, string, string][] = [
  ['醇酸调和漆', '3', '', '200 kg', '油漆库'],
  ['香蕉水（稀释剂）', '3', '', '50 L', '油漆库'],
  ['氧气（瓶装）', '2', '7782-44-7', '6 瓶', '油漆库'],
  ['溶解乙炔（瓶装）', '2', '74-86-2', '3 瓶', '油漆库'],
  ['液压油', null, '', '400 L', '原料及成品仓库'],
  ['乳化切削液', null, '', '200 L', '机加工车间'],
];

/** Stable demo logins (README lists them). */
export const demoUsers = [
  { username: 'admin', displayName: '系统管理员', role: null, isAdmin: true, person: null },
  { username: 'principal', displayName: '王建国', role: 'principal', isAdmin: false, person: '王建国' },
  { username: 'safety', displayName: '李秀英', role: 'safety_manager', isAdmin: false, person: '李秀英' },
  { username: 'depthead', displayName: '张伟', role: 'dept_head', isAdmin: false, person: '张伟' },
  { username: 'teamlead', displayName: '刘洋', role: 'team_leader', isAdmin: false, person: '刘洋' },
  { username: 'worker', displayName: '陈静', role: 'worker', isAdmin: false, person: '陈静' },
  { username: 'consultant', displayName: '咨询师 周工', role: 'consultant', isAdmin: false, person: null },
  { username: 'regulator', displayName: '县应急管理局 监管员', role: 'regulator', isAdmin: false, person: null },
] as const;
