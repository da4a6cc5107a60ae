import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// 《工贸企业重大事故隐患判定标准》(应急管理部令第10号, in force 2023-05-15) (standards-facts §7).
export const source: ReferenceSource = {
  standard: '应急管理部令第10号',
  edition: '2023 (adopted 2023-03-20, published 2023-04-14, in force 2023-05-15)',
  title: { 'zh-CN': '工贸企业重大事故隐患判定标准', 'en-US': 'Criteria for major accident hazards in industry and trade enterprises' },
  status: 'partly-confirmed',
  notes: [
    'Repeals 《工贸行业重大生产安全事故隐患判定标准（2017版）》(安监总管四〔2017〕129号).',
    '64 situations: 管理类 3 (第三条), 行业类 47 (第四至十条; 商贸 has no industry article), 专项类 14 (第十一至十三条).',
    '第十四条: the monitoring, alarm and protection facilities listed in 第四条 to 第十三条 that fail or are ineffective are also major hazards (encoded as one item, a14-1; its substance CONFIRMED, its wording UNCONFIRMED).',
    'Only items with verified = true may be used for automatic judgement until the rest are checked against the gov.cn text.',
    'For the industries of our templates (机械 第七条, 轻工 第八条, 纺织 第九条) the unconfirmed items 7-3…7-7, 8-1…8-7 and 9-1…9-2 are encoded from the candidate topics of standards-facts §7 as UNCONFIRMED guidance (verified = false): they are shown, never auto-judged, until checked against the gov.cn text.',
    'Items of 第四条 (5+) and 第五条 (others) are not encoded: no text retrieved and no template of ours needs them.',
  ],
  urls: [
    'https://www.gov.cn/gongbao/2023/issue_10566/202307/content_6890788.html',
    'https://www.mem.gov.cn/gk/zfxxgkpt/fdzdgknr/gz11/202305/t20230523_451578.shtml',
  ],
};

export type Industry =
  | 'metallurgy'
  | 'nonferrous'
  | 'building_materials'
  | 'machinery'
  | 'light_industry'
  | 'textile'
  | 'tobacco'
  | 'commerce';

export type MajorHazardCriterionField = Industry | 'general' | 'dust_explosion' | 'liquid_ammonia' | 'confined_space' | 'safety_facilities';

export type MajorHazardCriterion = {
  /** Stable id: `a<article>-<seq>`; `a5-x<n>` where the position inside 第五条 is unconfirmed. */
  readonly id: string;
  readonly article: number;
  readonly seq: number;
  /** False when `seq` is only the order in the retrieved excerpt, not the confirmed item number. */
  readonly seqVerified: boolean;
  readonly field: MajorHazardCriterionField;
  readonly text: LocalizedText;
  /** True only for CONFIRMED wording; unverified items are shown as guidance, never auto-judged. */
  readonly verified: boolean;
  readonly sourceUrl: string | null;
  readonly note: string | null;
};

export const articleFields: Readonly<Record<number, { field: MajorHazardCriterionField; label: LocalizedText }>> = {
  3: { field: 'general', label: { 'zh-CN': '管理类（所有工贸企业）', 'en-US': 'Management (all enterprises)' } },
  4: { field: 'metallurgy', label: { 'zh-CN': '冶金', 'en-US': 'Metallurgy' } },
  5: { field: 'nonferrous', label: { 'zh-CN': '有色', 'en-US': 'Non-ferrous metals' } },
  6: { field: 'building_materials', label: { 'zh-CN': '建材', 'en-US': 'Building materials' } },
  7: { field: 'machinery', label: { 'zh-CN': '机械', 'en-US': 'Machinery' } },
  8: { field: 'light_industry', label: { 'zh-CN': '轻工', 'en-US': 'Light industry' } },
  9: { field: 'textile', label: { 'zh-CN': '纺织', 'en-US': 'Textile' } },
  10: { field: 'tobacco', label: { 'zh-CN': '烟草', 'en-US': 'Tobacco' } },
  11: { field: 'dust_explosion', label: { 'zh-CN': '存在粉尘爆炸危险的工贸企业', 'en-US': 'Enterprises with dust explosion hazards' } },
  12: { field: 'liquid_ammonia', label: { 'zh-CN': '使用液氨制冷的工贸企业', 'en-US': 'Enterprises using ammonia refrigeration' } },
  13: {
    field: 'confined_space',
    label: {
      'zh-CN': '存在硫化氢、一氧化碳等中毒风险的有限空间作业的工贸企业',
      'en-US': 'Enterprises with confined-space work at risk of H₂S, CO or other poisoning',
    },
  },
  14: {
    field: 'safety_facilities',
    label: { 'zh-CN': '第四条至第十三条所列监控、报警、防护等设施失效', 'en-US': 'Failed monitoring, alarm or protection facilities of articles 4–13' },
  },
};

type Item = readonly [article: number, seq: number, zh: string, en: string, verified: boolean, sourceUrl: string | null, note?: string];

const URL_A3 = 'http://www.jiangmen.gov.cn/gzhd/zhzw/content/post_2849362.html';
const URL_A11_1_5 = 'http://www.czlst.com.cn/jddz888-News-494241';
const URL_A11_6_9 = 'https://taowenge.com/p-95160116.html';
const URL_A10 = 'http://www.ynjnrc.com/show.asp?id=7944';
const URL_A6 = 'http://boglecoveoysterhouse.net/szb/pc/col/202306/22/content_204908.html';
const URL_A4 = 'http://anzhuopai.com/szb/pc/col/202306/01/content_202904.html';
const URL_FULL = 'http://m.by1723.com/xwzx/hydt/202304/t20230419_73880.html';
const UNCONFIRMED_CANDIDATE = 'UNCONFIRMED: candidate 2023 wording from the topics of standards-facts §7 (the 2023 text was not retrieved); guidance only, check against the gov.cn text.';

const items: readonly Item[] = [
  [3, 1, '未对承包单位、承租单位的安全生产工作统一协调、管理，或者未定期进行安全检查',
    'Safety work of contractors and lessees is not coordinated and managed, or not inspected regularly', true, URL_A3],
  [3, 2, '特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业',
    'Special-operation workers work without the required specialised training and qualification', true, URL_A3],
  [3, 3, '金属冶炼企业主要负责人、安全生产管理人员未按照规定经考核合格',
    'The principal or safety managers of a metal smelting enterprise have not passed the required assessment', true, URL_A3],

  [4, 1, '会议室、活动室、休息室、操作室、交接班室、更衣室（含澡堂）等6类人员聚集场所，以及钢铁水罐冷（热）修工位设置在铁水、钢水、液渣吊运跨的地坪区域内',
    'Six kinds of gathering places (meeting, activity, rest, control, shift-handover, changing rooms incl. baths) or ladle cold/hot repair stations are on the floor area of bays where molten iron, steel or slag is craned', true, URL_A4],
  [4, 2, '生产期间冶炼、精炼和铸造生产区域的事故坑、炉下渣坑，以及熔融金属泄漏和喷溅影响范围内的炉前平台、炉基区域、厂房内吊运和地面运输通道等6类区域存在积水',
    'During production, water stands in any of six areas: emergency pits and slag pits of smelting, refining and casting areas, or furnace platforms, furnace foundations, crane and ground transport routes within reach of molten-metal leaks and splashes', true, URL_A4],
  [4, 3, '炼钢连铸流程未设置事故钢水罐、中间罐漏钢坑（槽）、中间罐溢流坑（槽）、漏钢回转溜槽，或者模铸流程未设置事故钢水罐（坑、槽）',
    'Continuous casting has no emergency ladle, tundish breakout pit, tundish overflow pit or breakout rotary chute, or ingot casting has no emergency ladle (pit, trough)', true, URL_A4],
  [4, 4, '转炉、电弧炉、AOD炉、LF炉、RH炉、VOD炉等炼钢炉的水冷元件未设置出水温度、进出水流量差等监测报警装置，或者监测报警装置未与炉体倾动、氧（副）枪自动提升、电极自动断电和升起……',
    'Water-cooled elements of converters, EAF, AOD, LF, RH, VOD and other steelmaking furnaces lack outlet-temperature or inlet/outlet flow-difference alarms, or the alarms are not interlocked with furnace tilting, automatic lance lifting, electrode power-off and raising … (text truncated)',
    false, URL_A4, 'Source excerpt truncated; remainder of the item unconfirmed.'],

  // 第五条 有色: wording CONFIRMED (excerpt "铝加工企业重大事故隐患判定"), item numbers unconfirmed.
  [5, 1, '采用水冷冷却的冶炼炉窑、铸造机（铝加工深井铸造工艺的结晶器除外）、加热炉未设置应急水源',
    'Water-cooled smelting furnaces, casting machines (except moulds of aluminium deep-well casting) or heating furnaces have no emergency water supply', true, null],
  [5, 2, '熔融金属冶炼炉窑的闭路循环水冷元件未设置出水温度、进出水流量差监测报警装置，或者开路水冷元件未设置进水流量、压力监测报警装置，或者未监测开路水冷元件出水温度',
    'Closed-loop water-cooled elements of molten-metal furnaces lack outlet-temperature and flow-difference alarms, or open-loop elements lack inlet flow and pressure alarms, or open-loop outlet temperature is not monitored', true, null],
  [5, 3, '铝加工深井铸造工艺的结晶器冷却水系统未设置进水压力、进水流量监测报警装置，或者监测报警装置未与快速切断阀、紧急排放阀、流槽断开装置联锁，或者未与倾动式浇铸炉控制系统联锁',
    'In aluminium deep-well casting the mould cooling-water system lacks inlet pressure and flow alarms, or they are not interlocked with quick shut-off valves, emergency drain valves and launder disconnects, or with the tilting casting furnace control', true, null],
  [5, 4, '铝加工深井铸造工艺的浇铸炉铝液出口流槽、流槽与模盘（分配流槽）入口连接处未设置液位监测报警装置，或者固定式浇铸炉的铝液出口未设置机械锁紧装置',
    'In aluminium deep-well casting there is no level alarm at the furnace outlet launder or the launder-to-mould-table inlet, or the outlet of a fixed casting furnace has no mechanical lock', true, null],
  [5, 5, '铝加工深井铸造工艺的固定式浇铸炉的铝液流槽未设置紧急排放阀，或者流槽与模盘入口连接处未设置快速切断阀（断开装置），或者液位监测报警装置未与快速切断阀、紧急排放阀联锁',
    'In aluminium deep-well casting the launder of a fixed casting furnace has no emergency drain valve, or no quick shut-off (disconnect) at the mould-table inlet, or the level alarm is not interlocked with them', true, null],
  [5, 6, '铝加工深井铸造工艺的倾动式浇铸炉流槽与模盘入口连接处未设置快速切断阀（断开装置），或者液位监测报警装置未与浇铸炉倾动控制系统、快速切断阀联锁',
    'In aluminium deep-well casting a tilting casting furnace has no quick shut-off (disconnect) at the mould-table inlet, or the level alarm is not interlocked with furnace tilt control and the shut-off', true, null],
  [5, 7, '铝加工深井铸造机钢丝卷扬系统选用非钢芯钢丝绳，或者未落实钢丝绳定期检查、更换制度',
    'The wire-rope hoist of an aluminium deep-well casting machine uses non-steel-core rope, or rope inspection and replacement rules are not applied', true, null],

  [6, 1, '煤磨袋式收尘器、煤粉仓未设置温度和固定式一氧化碳浓度监测报警装置，或者未设置气体灭火装置',
    'Coal-mill bag filters or pulverised-coal bins lack temperature and fixed CO alarms, or lack gas fire suppression', true, URL_A6],
  [6, 2, '筒型储库人工清库作业未落实清库方案中防止高处坠落、坍塌等安全措施',
    'Manual silo cleaning does not apply the cleaning plan’s measures against falls, collapse and the like', true, URL_A6],
  [6, 3, '水泥企业电石渣原料筒型储库未设置固定式可燃气体浓度监测报警装置，或者监测报警装置未与事故通风装置联锁',
    'Carbide-slag raw-material silos of cement plants lack fixed flammable-gas alarms, or the alarms are not interlocked with emergency ventilation', true, URL_A6],
  [6, 4, '进入筒型储库、焙烧窑、预热器旋风筒、分解炉、竖炉、篦冷机、磨机、破碎机前，未对可能意外启动的设备和涌入的物料、高温气体、有毒有害气体等采取隔离措施，或者未落实防止高处坠落、坍塌等安全措施',
    'Before entering silos, kilns, preheater cyclones, calciners, shaft kilns, grate coolers, mills or crushers, equipment that may start and inflowing material, hot or toxic gas are not isolated, or fall and collapse measures are not applied', true, URL_A6],
  [6, 5, '采用预混燃烧方式的燃气窑炉（热发生炉煤气窑炉除外）的燃气总管未设置管道压力监测报警装置，或者监测报警装置未与紧急自动切断装置联锁',
    'The gas main of a premixed-combustion gas kiln (except hot producer-gas kilns) lacks a pressure alarm, or it is not interlocked with the automatic emergency shut-off', true, URL_A6],
  [6, 6, '制氢站、氮氢保护气体配气间、燃气配气间等3类场所未设置固定式可燃气体浓度监测报警装置',
    'Hydrogen stations, N₂/H₂ protective-gas rooms or fuel-gas distribution rooms lack fixed flammable-gas alarms', true, URL_A6],
  [6, 7, '电熔制品电炉的水冷设备失效',
    'The water cooling of an electric furnace for fused products has failed', true, URL_A6],
  [6, 8, '玻璃窑炉、玻璃锡槽等设备未设置水冷和风冷保护系统的监测报警装置',
    'Glass furnaces, tin baths and similar equipment lack alarms on their water- and air-cooling protection', true, URL_A6],

  [7, 1, '会议室、活动室、休息室、更衣室、交接班室等5类人员聚集场所设置在熔融金属吊运跨或者浇注跨的地坪区域内',
    'Five kinds of gathering places (meeting, activity, rest, changing, shift-handover rooms) are on the floor area of molten-metal crane or pouring bays', true, URL_FULL],
  [7, 2, '铸造用熔炼炉、精炼炉、保温炉未设置紧急排放和应急储存设施',
    'Foundry melting, refining or holding furnaces have no emergency tapping and storage facilities', true, URL_FULL],

  // 第七条 机械 (3)–(7), 第八条 轻工, 第九条 纺织: 2023 wording not retrieved; candidate topics of
  // standards-facts §7, written as the candidate wording. UNCONFIRMED: guidance only, never auto-judged.
  [7, 3, '生产期间铸造用熔炼炉、精炼炉、保温炉的炉底、炉坑和事故坑，以及熔融金属泄漏、喷溅影响范围内的炉前平台、炉基区域、造型地坑、浇注作业坑和熔融金属转运通道等区域存在积水',
    'During production, water stands under or around foundry melting, refining or holding furnaces (furnace bottoms, pits, emergency pits) or within reach of molten-metal leaks and splashes (furnace platforms, foundations, moulding pits, pouring pits, molten-metal transfer routes)', false, null, UNCONFIRMED_CANDIDATE],
  [7, 4, '铸造用熔炼炉、精炼炉、压铸机、氧枪的冷却水系统未设置出水温度、进出水流量差监测报警装置，或者监测报警装置未与熔融金属加热、输送控制系统联锁',
    'The cooling water of foundry melting or refining furnaces, die-casting machines or oxygen lances has no outlet-temperature or inlet/outlet flow-difference alarm, or the alarm is not interlocked with molten-metal heating and transfer controls', false, null, UNCONFIRMED_CANDIDATE],
  [7, 5, '使用煤气（天然气）的燃烧系统未设置燃气总管压力监测报警装置，或者监测报警装置未与紧急自动切断装置联锁，或者加热炉、热处理炉等燃烧器未设置火焰监测和熄火保护系统',
    'A gas-fired combustion system has no pressure alarm on the gas main, or it is not interlocked with the automatic emergency shut-off, or burners of heating or heat-treatment furnaces have no flame monitoring and flame-failure protection', false, null, UNCONFIRMED_CANDIDATE],
  [7, 6, '使用可燃性有机溶剂清洗设备设施、工装器具、地面时，未采取防止可燃气体在周边密闭或者半密闭空间内积聚措施',
    'Cleaning equipment, tooling or floors with flammable organic solvents without measures against flammable vapour building up in nearby enclosed or semi-enclosed spaces', false, null, UNCONFIRMED_CANDIDATE],
  [7, 7, '使用非水性漆的调漆间、喷漆室未设置固定式可燃气体浓度监测报警装置或者通风设施',
    'Paint-mixing rooms or spray booths using non-water-based paint have no fixed flammable-gas alarm or no ventilation', false, null, UNCONFIRMED_CANDIDATE],

  [8, 1, '食品制造企业烘制、油炸设备未设置防过热自动切断装置',
    'Baking or frying equipment of food manufacturers has no automatic overheat cut-off', false, null, UNCONFIRMED_CANDIDATE],
  [8, 2, '白酒勾兑、灌装场所和酒库未设置固定式乙醇蒸气浓度监测报警装置，或者监测报警装置未与通风设施联锁',
    'Liquor blending and filling places and liquor stores have no fixed ethanol-vapour alarm, or it is not interlocked with ventilation', false, null, UNCONFIRMED_CANDIDATE],
  [8, 3, '纸浆制造、造纸企业使用蒸汽、明火直接加热钢瓶汽化液氯',
    'Pulp or paper makers vaporise liquid chlorine by heating cylinders directly with steam or open flame', false, null, UNCONFIRMED_CANDIDATE],
  [8, 4, '日用玻璃、陶瓷制造企业燃气窑炉未设置燃气总管管道压力监测报警装置，或者监测报警装置未与紧急自动切断装置联锁',
    'Gas kilns of household glass or ceramics makers have no pressure alarm on the gas main, or it is not interlocked with the automatic emergency shut-off', false, null, UNCONFIRMED_CANDIDATE],
  [8, 5, '日用玻璃制造企业玻璃窑炉的冷却保护系统未设置监测报警装置',
    'The cooling protection of glass furnaces of household glass makers has no monitoring alarm', false, null, UNCONFIRMED_CANDIDATE],
  [8, 6, '使用非水性漆的调漆间、喷漆室未设置固定式可燃气体浓度监测报警装置或者通风设施',
    'Paint-mixing rooms or spray booths using non-water-based paint have no fixed flammable-gas alarm or no ventilation', false, null, UNCONFIRMED_CANDIDATE],
  [8, 7, '锂离子电池储存仓库未对故障电池采取有效物理隔离措施',
    'Lithium-ion battery stores do not physically isolate faulty batteries', false, null, UNCONFIRMED_CANDIDATE],

  [9, 1, '纱、线、织物加工的烧毛、开幅、烘干等热定型工艺的汽化室、燃气贮罐、储油罐、热媒炉等未与生产加工等人员聚集场所隔开或者单独设置',
    'Vaporiser rooms, gas tanks, oil tanks or thermal-oil heaters of singeing, opening, drying and other heat-setting of yarn, thread or fabric are not separated from production and other gathering places, or not set apart', false, null, UNCONFIRMED_CANDIDATE],
  [9, 2, '保险粉、双氧水、次氯酸钠、亚氯酸钠、雕白粉（吊白块）等与禁忌物料混合储存，或者保险粉储存场所未采取防水防潮措施',
    'Sodium hydrosulfite, hydrogen peroxide, sodium hypochlorite, sodium chlorite or rongalite are stored with incompatible materials, or the sodium hydrosulfite store is not protected against water and damp', false, null, UNCONFIRMED_CANDIDATE],

  [10, 1, '熏蒸作业场所未配备磷化氢气体浓度监测报警仪器，或者未配备防毒面具，或者熏蒸杀虫作业前未确认无关人员全部撤离熏蒸作业场所',
    'Fumigation sites lack phosphine alarms or gas masks, or it is not confirmed before fumigation that everyone not involved has left', true, URL_A10],
  [10, 2, '使用液态二氧化碳制造膨胀烟丝的生产线和场所未设置固定式二氧化碳浓度监测报警装置，或者监测报警装置未与事故通风设施联锁',
    'Lines and places making expanded tobacco with liquid CO₂ lack fixed CO₂ alarms, or they are not interlocked with emergency ventilation', true, URL_A10],

  [11, 1, '粉尘爆炸危险场所设置在非框架结构的多层建（构）筑物内，或者粉尘爆炸危险场所内设有员工宿舍、会议室、办公室、休息室等人员聚集场所',
    'A dust-explosion hazard area is in a non-frame multi-storey building, or contains dormitories, meeting rooms, offices, rest rooms or other gathering places', true, URL_A11_1_5],
  [11, 2, '不同类别的可燃性粉尘、可燃性粉尘与可燃气体等易加剧爆炸危险的介质共用一套除尘系统，或者不同建（构）筑物、不同防火分区共用一套除尘系统、除尘系统互联互通',
    'Different combustible dusts, or dust with flammable gas, share one dust-collection system, or different buildings or fire compartments share or interconnect dust-collection systems', true, URL_A11_1_5],
  [11, 3, '干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施',
    'A dry dust-collection system has none of explosion venting, inerting or suppression', true, URL_A11_1_5],
  [11, 4, '铝镁等金属粉尘除尘系统采用正压除尘方式，或者其他可燃性粉尘除尘系统采用正压吹送粉尘时，未采取火花探测消除等防范点燃源措施',
    'Aluminium, magnesium or other metal dust is collected under positive pressure, or other combustible dust is blown under positive pressure without spark detection and extinguishing or other ignition-source controls', true, URL_A11_1_5],
  [11, 5, '除尘系统采用重力沉降室除尘，或者采用干式巷道式构筑物作为除尘风道',
    'Dust is collected in gravity settling chambers, or dry tunnel-type structures are used as dust ducts', true, URL_A11_1_5],
  [11, 6, '铝镁等金属粉尘、木质粉尘的干式除尘系统未设置锁气卸灰装置',
    'Dry dust-collection systems for aluminium, magnesium or other metal dust or wood dust have no airlock discharge device', true, URL_A11_6_9],
  [11, 7, '除尘器、收尘仓等划分为20区的粉尘爆炸危险场所电气设备不符合防爆要求',
    'Electrical equipment in Zone 20 dust areas such as collectors and dust bins is not explosion-proof as required', true, URL_A11_6_9],
  [11, 8, '粉碎、研磨、造粒等易产生机械点燃源的工艺设备前未设置铁、石等杂物去除装置，或者木制品加工企业与砂光机连接的风管未设置火花探测消除装置',
    'Crushing, grinding, granulating or other equipment prone to mechanical ignition has no upstream removal of iron, stone and other foreign matter, or sander ducts in woodworking have no spark detection and extinguishing', true, URL_A11_6_9],
  [11, 9, '遇湿自燃金属粉尘收集、堆放、储存场所未采取通风等防止氢气积聚措施，或者干式收集、堆放、储存场所未采取防水、防潮措施',
    'Places collecting, piling or storing water-reactive metal dust have no ventilation or other measures against hydrogen build-up, or dry collection, piling or storage places have no waterproofing and damp-proofing',
    false, URL_A11_6_9, 'Second half UNCONFIRMED: source excerpt truncated.'],
  [11, 10, '未落实粉尘清理制度，造成作业现场积尘严重',
    'Dust-cleaning rules are not applied, so dust accumulates heavily at the workplace', false, null, 'Expected wording, UNCONFIRMED.'],

  [12, 1, '包装、分割、产品整理场所的空调系统采用氨直接蒸发制冷',
    'Air conditioning of packing, cutting or product-handling rooms uses direct ammonia evaporation', false, null,
    'Candidate 2023 wording, UNCONFIRMED (2017: 包装间、分割间、产品整理间等人员较多生产场所的空调系统采用氨直接蒸发制冷系统).'],
  [12, 2, '快速冻结装置未设置在单独的作业间内，或者快速冻结装置作业间内作业人员数量超过9人',
    'Quick-freezing equipment is not in a separate room, or more than 9 people work in that room', false, null,
    'Candidate 2023 wording, UNCONFIRMED (2017 used "且" instead of "或者").'],

  [13, 1, '未对有限空间进行辨识、建立安全管理台账，并且未设置明显的安全警示标志',
    'Confined spaces are not identified and registered, and have no clear warning signs', false, null,
    'Candidate 2023 wording, UNCONFIRMED (weak corroboration: An-0726/safety-basis).'],
  [13, 2, '未落实有限空间作业审批，或者未执行"先通风、再检测、后作业"要求，或者作业现场未设置监护人员',
    'Confined-space work is not approved, or "ventilate, then test, then work" is not followed, or no attendant is posted', false, null,
    'Candidate 2023 wording, UNCONFIRMED.'],

  // 第十四条: not an industry list but a rule over 第四条–第十三条 (substance CONFIRMED in standards-facts §7).
  [14, 1, '第四条至第十三条所列情形中直接关系生产安全的监控、报警、防护等设施、设备、装置失效或者无效',
    'A monitoring, alarm or protection facility, device or installation named in articles 4–13 that bears directly on safety has failed or is ineffective', false, URL_FULL,
    'Substance CONFIRMED (standards-facts §7: 第十四条); exact wording UNCONFIRMED. Applies to every enterprise to which an item of 第四条–第十三条 applies.'],
];

export const majorHazardCriteria: readonly MajorHazardCriterion[] = items.map(
  ([article, seq, zh, en, verified, sourceUrl, note]) => {
    const field = articleFields[article]?.field;
    if (field === undefined) throw new Error(`No field for article ${article}`);
    const seqVerified = article !== 5;
    return {
      id: seqVerified ? `a${article}-${seq}` : `a${article}-x${seq}`,
      article,
      seq,
      seqVerified,
      field,
      text: { 'zh-CN': zh, 'en-US': en },
      verified,
      sourceUrl,
      note: note ?? (seqVerified ? null : 'Wording CONFIRMED; position within 第五条 UNCONFIRMED (seq is the excerpt order).'),
    };
  },
);

/** Criteria whose wording is CONFIRMED: the only ones the product may apply automatically. */
export function listAutoJudgementCriteria(): readonly MajorHazardCriterion[] {
  return majorHazardCriteria.filter((c) => c.verified);
}

/** Criteria that apply to an enterprise: 管理类 for all, plus its industry and special fields, plus 第十四条 when any of 第四条–第十三条 applies. */
export function listCriteriaForFields(fields: readonly MajorHazardCriterionField[]): readonly MajorHazardCriterion[] {
  const hasListedFacilities = majorHazardCriteria.some((c) => c.article >= 4 && c.article <= 13 && fields.includes(c.field));
  return majorHazardCriteria.filter((c) => c.field === 'general' || fields.includes(c.field) || (c.field === 'safety_facilities' && hasListedFacilities));
}

export function findMajorHazardCriterion(id: string): MajorHazardCriterion | null {
  return majorHazardCriteria.find((c) => c.id === id) ?? null;
}
