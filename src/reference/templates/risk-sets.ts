/**
 * Cross-industry non-routine work (seed 001 第六条: 有限空间、动火、临时用电、高处作业、检维修)
 * as risk sets that can be attached to any operation post that performs the work.
 */
import { lec, om } from './template-builders';
import type { RiskSetTemplate } from './template-types';

const commonBasis = [
  '鲁 工贸小微企业双重预防机制建设指导书 (seed 001)',
  'GB 6441-1986 企业职工伤亡事故分类',
  'GB/T 13861-2009 生产过程危险和有害因素分类与代码',
];

export const confinedSpaceRiskSet: RiskSetTemplate = {
  key: 'confined-space',
  name: '有限空间作业',
  nameEn: 'Confined space entry',
  basis: [...commonBasis, '工贸企业有限空间作业安全规定（应急管理部令第13号）', 'GB 30871-2022 (参照)'],
  risks: [
    {
      key: 'confined-space-atmosphere',
      objectKind: 'activity',
      objectName: '进入有限空间作业（缺氧、有毒有害气体）',
      isNonRoutine: true,
      hazardFactorCodes: ['22', '31', '120202', '1203'],
      accidentTypeCodes: ['19'],
      causes: '未辨识有限空间即进入；未通风、未检测；作业中气体浓度变化未持续监测；无监护人或监护人离岗；未佩戴呼吸防护；发生事故后盲目施救',
      evaluation: lec(3, 2, 40),
      measures: [
        om('before', 'eliminate', '优先采用机械清淤、外部检测等方式，能在外部完成的作业不进入有限空间', '是否评估过不进入有限空间的替代方法', 'records', 'quarter'),
        om('before', 'administrative', '建立有限空间管理台账并设置安全警示标识；每次作业经审批，明确作业负责人、作业人员和监护人并进行安全交底', '有限空间台账、警示标识和作业审批交底记录', 'records', 'month'),
        om('before', 'engineering', '坚持"先通风、再检测、后作业"：隔离物料，机械通风后在作业前30分钟内检测氧含量（19.5%~23.5%）、可燃气体和有毒气体，合格后方可进入', '通风和气体检测记录，检测仪是否在检定有效期内', 'test', 'shift'),
        om('during', 'engineering', '作业中持续机械通风并实时或定时检测气体，浓度异常立即撤离', '作业中是否持续通风和检测', 'test', 'shift'),
        om('during', 'administrative', '设专人在外部全程监护，监护人不得离岗，保持与作业人员联络', '监护人是否在岗并保持联络', 'look', 'shift'),
        om('during', 'ppe', '作业人员佩戴安全带、安全绳，必要时佩戴正压式空气呼吸器或长管呼吸器', '呼吸防护和安全绳是否佩戴', 'look', 'shift'),
        om('after', 'administrative', '作业结束清点人员和工具，确认无人员滞留后封闭入口', '作业后人员、工具清点和入口封闭情况', 'look', 'shift'),
        om('during', 'emergency', '配备呼吸器、三脚架、绞盘等救援装备，严禁未佩戴防护装备盲目施救；每年至少组织一次有限空间应急演练', '救援装备是否完好，演练记录是否完整', 'records', 'year'),
      ],
    },
    {
      key: 'confined-space-electric-fire',
      objectKind: 'activity',
      objectName: '有限空间内用电、动火',
      isNonRoutine: true,
      hazardFactorCodes: ['21', '22', '2101'],
      accidentTypeCodes: ['05', '08', '18'],
      causes: '金属容器内使用非安全电压照明和工具；可燃气体积聚时动火；设备未接地、无漏电保护',
      evaluation: lec(1, 3, 15),
      measures: [
        om('before', 'substitute', '金属容器或潮湿有限空间内照明使用12V及以下安全电压灯具', '照明灯具电压是否符合要求', 'look', 'shift'),
        om('before', 'engineering', '电动工具和焊机接漏电保护器，设备可靠接地，电源箱设在有限空间外', '漏电保护、接地和电源箱位置', 'test', 'shift'),
        om('before', 'administrative', '有限空间内动火另行办理动火作业审批，可燃气体检测合格后方可动火', '动火审批和可燃气体检测记录', 'records', 'shift'),
      ],
    },
  ],
};

export const hotWorkRiskSet: RiskSetTemplate = {
  key: 'hot-work',
  name: '动火作业',
  nameEn: 'Hot work',
  basis: [...commonBasis, 'GB 30871-2022 (参照)', 'GB 9448 焊接与切割安全'],
  risks: [
    {
      key: 'hot-work-ignition',
      objectKind: 'activity',
      objectName: '非固定动火区动火（焊接、切割、打磨、明火烘烤）',
      isNonRoutine: true,
      hazardFactorCodes: ['21', '22', '120202', '1203'],
      accidentTypeCodes: ['08', '18', '07'],
      causes: '未审批动火；周围可燃物未清除；盛装过易燃物的容器、管道未清洗置换检测即动火；无监护；无灭火器材；作业后遗留火种',
      evaluation: lec(3, 3, 15),
      measures: [
        om('before', 'eliminate', '可拆卸的工件移至固定动火区作业，减少现场动火', '能移到固定动火区的作业是否已移出', 'ask', 'month'),
        om('before', 'administrative', '办理动火作业审批，落实"无审批不动火、无监护不动火、措施不落实不动火"', '动火作业票是否审批、措施是否逐项确认', 'records', 'shift'),
        om('before', 'engineering', '清除动火点周围可燃物或用阻燃布遮盖；涉及易燃易爆容器管道的，隔离、清洗置换并检测可燃气体合格', '可燃物清理、隔离置换和气体检测情况', 'test', 'shift'),
        om('during', 'administrative', '设专人监护，监护人全程在场，发现异常立即停止动火', '监护人是否全程在场', 'look', 'shift'),
        om('during', 'emergency', '动火点配备灭火器或消防水带，监护人会使用', '灭火器材是否到位', 'look', 'shift'),
        om('after', 'administrative', '作业结束清理现场，检查动火点及下方、相邻区域，确认无遗留火种后方可离开', '作业后是否检查确认无遗留火种', 'ask', 'shift'),
      ],
    },
    {
      key: 'hot-work-at-height-sparks',
      objectKind: 'activity',
      objectName: '高处或跨层动火（火花飞溅下落）',
      isNonRoutine: true,
      hazardFactorCodes: ['21', '210201'],
      accidentTypeCodes: ['08', '07'],
      causes: '高处动火火花下落引燃下方可燃物或灼伤人员；未设接火盆和警戒',
      evaluation: lec(1, 3, 15),
      measures: [
        om('before', 'engineering', '动火点下方设置接火盆或铺设阻燃布，清除下方可燃物', '接火措施和下方可燃物情况', 'look', 'shift'),
        om('during', 'administrative', '下方设置警戒区，禁止人员通行', '警戒区是否设置', 'look', 'shift'),
      ],
    },
  ],
};

export const temporaryElectricityRiskSet: RiskSetTemplate = {
  key: 'temporary-electricity',
  name: '临时用电作业',
  nameEn: 'Temporary electricity',
  basis: [...commonBasis, 'GB 30871-2022 (参照)', 'GB/T 3787 手持式电动工具的管理、使用、检查和维修安全技术规程'],
  risks: [
    {
      key: 'temporary-electricity-wiring',
      objectKind: 'activity',
      objectName: '临时用电线路接入、使用与拆除',
      isNonRoutine: true,
      hazardFactorCodes: ['2101', '210201', '120202'],
      accidentTypeCodes: ['05', '08'],
      causes: '未审批私拉乱接；非电工接线；无漏电保护或一闸多机；电缆拖地被碾压、浸水破损；超期使用未拆除',
      evaluation: lec(3, 3, 15),
      measures: [
        om('before', 'administrative', '办理临时用电审批，明确用电地点、负荷和期限，由持证电工接线和拆除', '临时用电审批和电工持证情况', 'records', 'shift'),
        om('before', 'engineering', '使用合格的移动配电箱，做到一机一闸一漏保，设备外壳接地', '配电箱、漏电保护器和接地是否符合要求', 'test', 'shift'),
        om('during', 'engineering', '临时电缆架空或穿管保护，不得拖地、浸水，通道处采取防碾压措施', '电缆敷设和绝缘情况', 'look', 'shift'),
        om('during', 'administrative', '每天检查临时用电线路和漏电保护器动作情况', '临时用电日检记录', 'records', 'day'),
        om('after', 'administrative', '用电结束或到期由电工及时拆除，不得超期使用', '临时线路是否按期拆除', 'look', 'week'),
      ],
    },
  ],
};

export const workAtHeightRiskSet: RiskSetTemplate = {
  key: 'work-at-height',
  name: '高处作业',
  nameEn: 'Work at height',
  basis: [...commonBasis, 'GB 30871-2022 (参照)'],
  risks: [
    {
      key: 'work-at-height-fall',
      objectKind: 'activity',
      objectName: '距坠落高度基准面2m及以上作业',
      isNonRoutine: true,
      hazardFactorCodes: ['120202', '1103', '2101', '32'],
      accidentTypeCodes: ['09'],
      causes: '无护栏或护栏损坏；未系安全带或低挂高用；脚手架、梯子不稳；患有高血压、恐高等禁忌症人员登高；大风雨雪天气室外作业',
      evaluation: lec(3, 3, 15),
      measures: [
        om('before', 'eliminate', '在地面预制组装，尽量减少高处作业量', '是否评估过地面预制替代高处作业', 'ask', 'quarter'),
        om('before', 'engineering', '使用带护栏的升降平台或搭设合格脚手架，临边、洞口设置防护栏杆或盖板', '登高设施和临边防护是否完好', 'look', 'shift'),
        om('before', 'administrative', '办理高处作业审批，作业人员身体条件适合（无高血压、恐高症等禁忌），六级以上大风、雷雨等恶劣天气停止室外高处作业', '高处作业审批、人员身体状况和天气条件', 'records', 'shift'),
        om('during', 'ppe', '佩戴安全帽，全程系挂安全带并高挂低用', '安全带是否高挂低用', 'look', 'shift'),
        om('after', 'administrative', '作业结束清理高处的工具和材料，拆除临时设施后恢复永久防护', '高处是否遗留物料，防护是否恢复', 'look', 'shift'),
        om('during', 'emergency', '发生坠落不得随意搬动伤者，立即拨打120；悬挂在安全带上的人员尽快救下', '作业人员是否知晓坠落救援方法', 'ask', 'quarter'),
      ],
    },
    {
      key: 'work-at-height-falling-objects',
      objectKind: 'activity',
      objectName: '高处落物',
      isNonRoutine: true,
      hazardFactorCodes: ['120201', '1203'],
      accidentTypeCodes: ['01'],
      causes: '工具、材料从高处掉落；上下抛掷物件；下方未设警戒区',
      evaluation: lec(3, 3, 7),
      measures: [
        om('before', 'administrative', '作业下方设置警戒区并设专人看护', '警戒区和看护人是否落实', 'look', 'shift'),
        om('during', 'engineering', '工具系防坠绳或放入工具袋，材料用绳索传递，严禁上下抛掷', '是否使用工具袋或防坠绳，有无抛掷', 'look', 'shift'),
        om('during', 'ppe', '地面配合人员佩戴安全帽', '地面人员是否戴安全帽', 'look', 'shift'),
      ],
    },
  ],
};

export const equipmentMaintenanceRiskSet: RiskSetTemplate = {
  key: 'equipment-maintenance',
  name: '设备检维修作业',
  nameEn: 'Equipment maintenance',
  basis: [...commonBasis, 'GB 30871-2022 (参照)'],
  risks: [
    {
      key: 'maintenance-energy-isolation',
      objectKind: 'activity',
      objectName: '设备检维修（停机、能量隔离、试车）',
      isNonRoutine: true,
      hazardFactorCodes: ['120202', '1203', '43'],
      accidentTypeCodes: ['03', '05', '04', '07'],
      causes: '未断电上锁挂牌，他人误启动；管道物料未隔离、残余压力和高温未消除；检修后防护装置未恢复即试车；多工种交叉作业未协调',
      evaluation: lec(3, 3, 15),
      measures: [
        om('before', 'administrative', '制定检修方案或作业指导，办理检维修审批并进行安全交底', '检修方案、审批和交底记录', 'records', 'shift'),
        om('before', 'engineering', '切断电源并上锁挂牌、试启动确认；相连管道关阀加盲板隔离，泄压、降温、排空', '上锁挂牌、盲板隔离和泄压排空是否落实', 'test', 'shift'),
        om('during', 'administrative', '交叉作业统一协调，涉及动火、有限空间、高处、临时用电时另行办理相应审批', '交叉作业协调和相关作业审批', 'records', 'shift'),
        om('during', 'ppe', '按检修内容佩戴安全帽、防护眼镜、手套、安全鞋等', '防护用品是否按要求佩戴', 'look', 'shift'),
        om('after', 'administrative', '恢复防护罩、安全装置和联锁，清点人员工具，检修人员确认后解锁试车', '防护装置恢复和解锁试车程序', 'look', 'shift'),
        om('during', 'emergency', '发生伤害立即停机断电，组织救援并报告', '检修人员是否知晓应急处置程序', 'ask', 'quarter'),
      ],
    },
    {
      key: 'maintenance-contractors',
      objectKind: 'activity',
      objectName: '外来单位检维修（相关方）',
      isNonRoutine: true,
      hazardFactorCodes: ['42', '1203'],
      accidentTypeCodes: ['03', '08', '09'],
      causes: '外来单位资质不符；未签安全协议、未交底；企业未派人监护和检查',
      evaluation: lec(3, 2, 15),
      measures: [
        om('before', 'administrative', '审查外来单位资质和人员证件，签订安全管理协议，进场前安全交底', '资质审查、协议和交底记录', 'records', 'shift'),
        om('during', 'administrative', '企业指派专人现场监督，发现违章立即制止', '现场是否有企业监督人员', 'look', 'shift'),
      ],
    },
  ],
};

export const riskSetTemplates: readonly RiskSetTemplate[] = [
  confinedSpaceRiskSet,
  hotWorkRiskSet,
  temporaryElectricityRiskSet,
  workAtHeightRiskSet,
  equipmentMaintenanceRiskSet,
];
