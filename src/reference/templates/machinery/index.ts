/** 机械行业 post templates (small machine shops: 机加工、冲压、焊接、涂装、装配). */
import type { IndustryTemplate } from '../template-types';
import { grinderOperator, latheOperator, pressOperator, welder } from './cutting-posts';
import { craneOperator, electrician, forkliftDriver, sprayPainter } from './lifting-electrical-posts';
import { principal, safetyManager, workshopHead } from './management-posts';
import { maintenanceFitter, warehouseKeeper } from './support-posts';

export const machineryTemplate: IndustryTemplate = {
  industry: 'machinery',
  name: '机械',
  nameEn: 'Machinery',
  basis: [
    '鲁 工贸小微企业双重预防机制建设指导书 (seed 001)',
    'GB 6441-1986 企业职工伤亡事故分类',
    'GB/T 13861-2009 生产过程危险和有害因素分类与代码',
    '中华人民共和国安全生产法',
    'GB 5083 生产设备安全卫生设计总则',
    'GB/T 8196 机械安全 防护装置 固定式和活动式防护装置的设计与制造一般要求',
    'GB 4674 磨削机械安全规程',
    'GB 6067.1 起重机械安全规程 第1部分：总则',
    'GB 9448 焊接与切割安全',
    'GB 6514 涂装作业安全规程 涂漆工艺安全及其通风净化',
    'GB/T 3787 手持式电动工具的管理、使用、检查和维修安全技术规程',
    'TSG N0001 场（厂）内专用机动车辆安全技术规程',
    'GB 39800.1 个体防护装备配备规范 第1部分：总则',
  ],
  posts: [
    latheOperator,
    grinderOperator,
    pressOperator,
    welder,
    craneOperator,
    forkliftDriver,
    electrician,
    sprayPainter,
    warehouseKeeper,
    maintenanceFitter,
    safetyManager,
    workshopHead,
    principal,
  ],
};
