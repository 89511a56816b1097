import type { Territory } from '@inspecta/domain';
import type { SeededRandom } from './prng.ts';

export type DemoEnterprise = {
  creditCodePrefix: string;
  name: string;
  address: string;
  territory: string;
  industry: string;
  scale: 'large' | 'medium' | 'small' | 'micro';
  workforce: number;
  dustWorkers: number;
  usesLiquidAmmonia: boolean;
  hasDeepWellCasting: boolean;
  legalRepresentative: string;
  contactPhone: string;
};

const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const streets = [
  '建设路',
  '港口路',
  '迎宾大道',
  '胜利路',
  '五邑路',
  '江海路',
  '新会大道',
  '台城环市路',
  '开平长沙路',
  '鹤山沙坪大道',
  '恩平锦江路',
];
const words = [
  '宏达',
  '永盛',
  '华美',
  '粤海',
  '恒兴',
  '金源',
  '新力',
  '利民',
  '东升',
  '振华',
  '天成',
  '佳乐',
  '瑞丰',
  '广信',
  '海洋',
  '明珠',
  '安达',
  '银洲',
  '侨乡',
  '五邑',
];
const bySector: Record<string, string[]> = {
  non_coal_mine: ['石场', '矿业有限公司'],
  hazardous_chemical_production: ['化工有限公司', '精细化工有限公司'],
  hazardous_chemical_operation: ['化工贸易有限公司', '石油化工经营部'],
  hazardous_chemical_use: ['涂料有限公司', '电镀有限公司'],
  fireworks_wholesale: ['烟花爆竹批发有限公司'],
  fireworks_retail: ['烟花爆竹零售店'],
  steel: ['钢铁有限公司'],
  aluminium_processing: ['铝业有限公司', '铝型材有限公司'],
  metallurgy: ['冶金材料有限公司'],
  nonferrous: ['有色金属有限公司'],
  building_materials: ['建材有限公司', '陶瓷有限公司'],
  machinery: ['五金制品有限公司', '机械制造有限公司', '摩托车配件有限公司'],
  light_industry: ['家具有限公司', '食品有限公司', '纸品有限公司', '卫浴有限公司'],
  textile: ['纺织有限公司', '制衣有限公司'],
  tobacco: ['烟草物流有限公司'],
  commerce_trade: ['冷链物流有限公司', '商贸有限公司'],
  other: ['实业有限公司'],
};
// Weighted like a manufacturing city: many light-industry and machinery firms, few mines.
const sectorWeights: [string, number][] = [
  ['machinery', 22],
  ['light_industry', 24],
  ['textile', 8],
  ['building_materials', 8],
  ['hazardous_chemical_use', 6],
  ['hazardous_chemical_operation', 5],
  ['hazardous_chemical_production', 3],
  ['commerce_trade', 8],
  ['aluminium_processing', 3],
  ['nonferrous', 2],
  ['metallurgy', 2],
  ['steel', 1],
  ['non_coal_mine', 2],
  ['fireworks_wholesale', 1],
  ['fireworks_retail', 3],
  ['tobacco', 1],
  ['other', 4],
];

const weighted = (random: SeededRandom): string => {
  const totalWeight = sectorWeights.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * totalWeight;
  for (const [sector, weight] of sectorWeights) {
    roll -= weight;
    if (roll < 0) return sector;
  }
  return 'other';
};

const prefix = (territory: string, serial: number, random: SeededRandom) => {
  const organisationCode = Array.from({ length: 8 }, () => random.pick(charset.split(''))).join('');
  return `91${territory}${organisationCode}${charset[serial % 31]}`.slice(0, 17);
};

const phone = (random: SeededRandom) => `0750-${random.int(3000000, 6999999)}`;

export const demoEnterprise = (
  random: SeededRandom,
  serial: number,
  counties: readonly Territory[],
): DemoEnterprise => {
  const county = counties[serial % counties.length]!;
  const industry = weighted(random);
  const scale = random.pick(['large', 'medium', 'small', 'small', 'micro', 'micro'] as const);
  const workforce = {
    large: random.int(300, 2000),
    medium: random.int(100, 299),
    small: random.int(10, 99),
    micro: random.int(3, 9),
  }[scale];
  const dusty =
    ['machinery', 'light_industry', 'textile', 'aluminium_processing'].includes(industry) &&
    random.next() < 0.3;
  return {
    creditCodePrefix: prefix(county.code, serial, random),
    name: `${county.name.replace(/[区市]$/, '')}${random.pick(words)}${random.pick(words)}${random.pick(bySector[industry]!)}`.replace(
      /^(.{2})/,
      '江门市$1',
    ),
    address: `江门市${county.name}${random.pick(streets)}${random.int(1, 300)}号`,
    territory: county.code,
    industry,
    scale,
    workforce,
    dustWorkers: dusty ? Math.min(workforce, random.int(5, 60)) : 0,
    usesLiquidAmmonia: industry === 'commerce_trade' && random.next() < 0.25,
    hasDeepWellCasting: industry === 'aluminium_processing' && random.next() < 0.3,
    legalRepresentative:
      random.pick('陈李黄张梁林吴何刘谭'.split('')) + random.pick(['伟', '强', '敏', '华', '杰']),
    contactPhone: phone(random),
  };
};

// One enterprise for every key-industry criterion of measure 4, at fixed places, so a demo always has them.
export const keyIndustryShowcase = (): DemoEnterprise[] => {
  const base = {
    scale: 'medium' as const,
    workforce: 180,
    dustWorkers: 0,
    usesLiquidAmmonia: false,
    hasDeepWellCasting: false,
    contactPhone: '0750-3000001',
  };
  return [
    {
      ...base,
      creditCodePrefix: '91440703MA4UK0001',
      name: '江门市蓬江区华美五金制品有限公司',
      address: '江门市蓬江区建设路88号',
      territory: '440703',
      industry: 'machinery',
      dustWorkers: 36,
      legalRepresentative: '周斌',
    },
    {
      ...base,
      creditCodePrefix: '91440781MA4UK0002',
      name: '台山市海宴石场有限公司',
      address: '台山市海宴镇石场路1号',
      territory: '440781',
      industry: 'non_coal_mine',
      legalRepresentative: '李强',
    },
    {
      ...base,
      creditCodePrefix: '91440705MA4UK0003',
      name: '江门市新会区粤海精细化工有限公司',
      address: '江门市新会区古井镇临港工业区6号',
      territory: '440705',
      industry: 'hazardous_chemical_production',
      legalRepresentative: '黄伟',
    },
    {
      ...base,
      creditCodePrefix: '91440783MA4UK0004',
      name: '开平市永盛烟花爆竹批发有限公司',
      address: '开平市长沙街道仓储路3号',
      territory: '440783',
      industry: 'fireworks_wholesale',
      legalRepresentative: '张华',
    },
    {
      ...base,
      creditCodePrefix: '91440704MA4UK0005',
      name: '江门市江海区振华钢铁有限公司',
      address: '江门市江海区高新东路20号',
      territory: '440704',
      industry: 'steel',
      legalRepresentative: '梁杰',
    },
    {
      ...base,
      creditCodePrefix: '91440784MA4UK0006',
      name: '鹤山市金源铝业有限公司',
      address: '鹤山市共和镇工业大道12号',
      territory: '440784',
      industry: 'aluminium_processing',
      hasDeepWellCasting: true,
      legalRepresentative: '林敏',
    },
    {
      ...base,
      creditCodePrefix: '91440785MA4UK0007',
      name: '恩平市利民冷链物流有限公司',
      address: '恩平市恩城街道冷链园5号',
      territory: '440785',
      industry: 'commerce_trade',
      usesLiquidAmmonia: true,
      legalRepresentative: '吴强',
    },
    {
      ...base,
      creditCodePrefix: '91440703MA4UK0008',
      name: '江门市蓬江区恒兴家具有限公司',
      address: '江门市蓬江区杜阮镇龙榜工业区9号',
      territory: '440703',
      industry: 'light_industry',
      dustWorkers: 12,
      scale: 'small',
      workforce: 60,
      legalRepresentative: '何华',
    },
  ];
};
