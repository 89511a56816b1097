import {
  industryCatalog,
  keyIndustryCriteriaCatalog,
  keyIndustryReasons,
  territories,
} from '@inspecta/domain';

// A synthetic enterprise registry for Jiangmen, generated inside PostgreSQL with
// INSERT … SELECT … FROM generate_series, so a million rows load without shipping them through Node.
// Every choice is a hash of the row number (hashint8extended with a per-column seed): the same
// --enterprises always yields the same names, addresses and credit codes (ids are random uuids).

// Counties and their share of the registry (a manufacturing city: most firms in the three districts).
const countyWeights: Record<string, number> = {
  '440703': 20,
  '440704': 12,
  '440705': 20,
  '440781': 14,
  '440783': 13,
  '440784': 13,
  '440785': 8,
};

// Towns and subdistricts (镇、街道) of each county, for addresses.
// prettier-ignore
const towns: Record<string, string[]> = {
  '440703': ['环市街道', '潮连街道', '白沙街道', '北街街道', '堤东街道', '棠下镇', '杜阮镇', '荷塘镇'],
  '440704': ['江南街道', '外海街道', '礼乐街道'],
  '440705': ['会城街道', '大泽镇', '司前镇', '罗坑镇', '双水镇', '崖门镇', '沙堆镇', '古井镇', '三江镇', '睦洲镇', '大鳌镇'],
  '440781': [
    '台城街道', '大江镇', '水步镇', '四九镇', '白沙镇', '三合镇', '冲蒌镇', '斗山镇', '都斛镇',
    '赤溪镇', '端芬镇', '广海镇', '海宴镇', '汶村镇', '深井镇', '北陡镇', '川岛镇',
  ],
  '440783': [
    '长沙街道', '三埠街道', '月山镇', '水口镇', '沙塘镇', '苍城镇', '龙胜镇', '大沙镇',
    '马冈镇', '塘口镇', '赤坎镇', '百合镇', '蚬冈镇', '金鸡镇', '赤水镇',
  ],
  '440784': ['沙坪街道', '雅瑶镇', '古劳镇', '龙口镇', '桃源镇', '鹤城镇', '共和镇', '址山镇', '宅梧镇', '双合镇'],
  '440785': ['恩城街道', '横陂镇', '圣堂镇', '良西镇', '沙湖镇', '牛江镇', '君堂镇', '大槐镇', '东成镇', '那吉镇', '大田镇'],
};

// prettier-ignore
const roads = [
  '工业大道', '兴业路', '发展大道', '环市路', '建设路', '港口路', '迎宾大道', '胜利路', '五邑路', '江海路',
  '人民路', '中山路', '东华路', '白沙大道', '龙湾路', '高新路', '金瓯路', '丰乐路', '华盛路', '永康路',
  '工业园路', '科技路', '创业路', '文昌路', '新兴路', '育才路', '振兴路', '富民路', '沿江路', '滨江大道',
  '南门路', '北环路', '东环路', '西环路', '和平路', '长安路', '幸福路', '市场路', '站前路', '乐民路',
];
// prettier-ignore
const addressSuffixes = ['', '', '', '', '', '之一', '之二', '1幢', '2幢', '厂房A', '厂房B', '首层'];

// Industries (catalog codes) weighted like the city, each with the trade words its firms use.
// prettier-ignore
const sectors: [code: string, weight: number, products: string[]][] = [
  ['machinery', 22, ['五金制品', '机械制造', '摩托车配件', '机电设备', '精密模具', '不锈钢制品', '汽车零部件', '电机', '阀门', '五金塑料制品']],
  ['light_industry', 24, ['家具', '食品', '纸品', '卫浴', '灯饰', '塑料制品', '包装材料', '电器', '厨具', '玩具', '印刷', '皮具']],
  ['textile', 8, ['纺织', '制衣', '织造', '印染', '服装']],
  ['building_materials', 8, ['建材', '陶瓷', '石材', '混凝土', '玻璃']],
  ['hazardous_chemical_use', 6, ['涂料', '电镀', '表面处理', '油墨']],
  ['hazardous_chemical_operation', 5, ['化工贸易', '石油化工', '燃气', '工业气体']],
  ['hazardous_chemical_production', 3, ['化工', '精细化工', '化学']],
  ['commerce_trade', 8, ['冷链物流', '商贸', '贸易', '仓储']],
  ['aluminium_processing', 3, ['铝业', '铝型材', '金属制品']],
  ['nonferrous', 2, ['有色金属', '铜业']],
  ['metallurgy', 2, ['冶金材料', '铸造']],
  ['steel', 1, ['钢铁', '钢材']],
  ['non_coal_mine', 2, ['石场', '矿业']],
  ['fireworks_wholesale', 1, ['烟花爆竹批发']],
  ['fireworks_retail', 3, ['烟花爆竹零售']],
  ['tobacco', 1, ['烟草物流']],
  ['other', 1, ['实业', '投资']],
];

// Brand names (字号) are two characters drawn independently from this set: about 12,000 brands, so a
// brand plus a trade word is rare while a trade word alone is common, as in a real registry.
const brandCharacters =
  '宏达永盛华美粤海恒兴源新力利民东升振天成佳乐瑞丰广信明珠安银洲侨鸿福泰昌隆荣富祥顺和通远光辉德正中联创嘉骏腾飞凯旋豪俊锦绣星宇龙凤鹏湖山川志诚卓越精益万家千百合众汇聚宝鑫森林宁康健雅晶铭博伟晟峰润泽雄威';
const modifiers = ['实业', '科技', '工贸', '兴业', '发展', '精工', '电子', '新材料', '智能', '环保'];
const forms = [
  '有限公司',
  '有限公司',
  '有限公司',
  '有限公司',
  '有限公司',
  '有限公司',
  '厂',
  '厂',
  '股份有限公司',
  '有限责任公司',
];
const surnames = '陈李黄张梁林吴何刘谭余周区冯关邓赵郑胡甄伍容麦苏叶朱罗钟';
// prettier-ignore
const givenNames = ['伟', '芳', '敏', '强', '军', '杰', '婷', '磊', '洁', '涛', '静', '斌', '华', '俊', '晓东', '志明', '嘉欣', '国强', '建华', '丽娟', '永健', '锦棠', '少芬', '卓辉'];

// GB 32100-2015: weight of each of the first 17 positions (3^i mod 31) and the character set.
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// The organisation-code part (positions 9–17) is the row number pushed through a bijection on
// [0, 31^9): unique by construction, and not visibly sequential.
const ORG_CODE_SPACE = 31n ** 9n;
const ORG_CODE_MULTIPLIER = 6364136223n; // coprime with 31
const ORG_CODE_OFFSET = 1442695041n;

const weightedSlots = <T>(entries: [T, number][]): T[] =>
  entries.flatMap(([value, weight]) => Array<T>(weight).fill(value));

// The check-character function, created in pg_temp so it lives only in the loading session.
// It is one SQL expression so the planner inlines it.
export const creditCheckFunctionSql = (): string => {
  const terms = CREDIT_CODE_WEIGHTS.map(
    (weight, index) => `(strpos('${CHARSET}', substr(p, ${index + 1}, 1)) - 1) * ${weight}`,
  ).join(' + ');
  return `CREATE OR REPLACE FUNCTION pg_temp.bench_credit_check(p text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT substr('${CHARSET}', (31 - (${terms}) % 31) % 31 + 1, 1) $$`;
};

const hash = (seed: number) => `(hashint8extended(i, ${seed}) & 9223372036854775807)`;

const orgCodeSql = (): string => {
  const x = `((i * ${ORG_CODE_MULTIPLIER} + ${ORG_CODE_OFFSET}) % ${ORG_CODE_SPACE})`;
  return Array.from({ length: 9 }, (_, k) => {
    const place = 31n ** BigInt(8 - k);
    return `substr('${CHARSET}', ((${x} / ${place}) % 31)::int + 1, 1)`;
  }).join(' || ');
};

export type RegistryParameters = unknown[];

// $1, $2: first and last row number (inclusive). The rest are the vocabularies above.
export const registryInsertSql = (): string => `
WITH keyed AS (
  SELECT key, reasons::jsonb AS reasons FROM unnest($15::text[], $16::text[]) AS k(key, reasons)
),
rows AS (
  SELECT i,
         c, s, scale, workforce,
         ${hash(11)} AS h_brand,
         ${hash(12)} AS h_product,
         ${hash(13)} AS h_modifier,
         ${hash(14)} AS h_form,
         ${hash(15)} AS h_town,
         ${hash(16)} AS h_road,
         ${hash(17)} AS h_person,
         ${hash(18)} AS h_time,
         ${hash(19)} AS h_prefix,
         CASE WHEN ($6::text[])[s] IN ('machinery', 'light_industry', 'textile', 'aluminium_processing')
                   AND ${hash(20)} % 100 < 20
              THEN least(workforce, 5 + (${hash(21)} % 56)::int) ELSE 0 END AS dust_workers,
         (($6::text[])[s] IN ('commerce_trade', 'light_industry') AND ${hash(22)} % 100 < 3) AS uses_liquid_ammonia,
         (($6::text[])[s] = 'aluminium_processing' AND ${hash(23)} % 100 < 15) AS has_deep_well_casting
  FROM (
    SELECT i,
           1 + (${hash(1)} % cardinality($3::text[]))::int AS c,
           1 + (${hash(2)} % cardinality($6::text[]))::int AS s,
           scale,
           CASE scale WHEN 'large' THEN 300 + (${hash(4)} % 1701)::int
                      WHEN 'medium' THEN 100 + (${hash(4)} % 200)::int
                      WHEN 'small' THEN 10 + (${hash(4)} % 90)::int
                      ELSE 3 + (${hash(4)} % 7)::int END AS workforce
    FROM (
      SELECT i,
             CASE WHEN ${hash(3)} % 100 < 3 THEN 'large' WHEN ${hash(3)} % 100 < 15 THEN 'medium'
                  WHEN ${hash(3)} % 100 < 60 THEN 'small' ELSE 'micro' END AS scale
      FROM generate_series($1::bigint, $2::bigint) AS i
    ) AS numbered
  ) AS drawn
),
named AS (
  SELECT rows.*,
         ($3::text[])[c] AS territory,
         ($4::text[])[c] AS county,
         ($6::text[])[s] AS industry,
         split_part(($7::text[])[s], '|', 1 + (h_product % cardinality(string_to_array(($7::text[])[s], '|')))::int) AS product,
         substr($8, 1 + (h_brand % char_length($8))::int, 1)
           || substr($8, 1 + ((h_brand / 1000) % char_length($8))::int, 1) AS brand
  FROM rows
)
INSERT INTO enterprises (credit_code, name, address, territory, industry, scale, workforce, dust_workers,
                         uses_liquid_ammonia, has_deep_well_casting, is_key, key_reasons,
                         legal_representative, contact_phone, created_at, updated_at)
SELECT code17 || pg_temp.bench_credit_check(code17),
       CASE WHEN h_prefix % 100 < 45 THEN '江门市'
            WHEN right(county, 1) = '区' THEN '江门市' || county
            ELSE county END
         || brand
         || CASE WHEN h_modifier % 100 < 25 THEN ($9::text[])[1 + (h_modifier / 100 % cardinality($9::text[]))::int] ELSE '' END
         || product
         || ($10::text[])[1 + (h_form % cardinality($10::text[]))::int],
       '江门市' || county
         || split_part(($5::text[])[c], '|', 1 + (h_town % cardinality(string_to_array(($5::text[])[c], '|')))::int)
         || ($11::text[])[1 + (h_road % cardinality($11::text[]))::int]
         || (1 + (h_road / 1000) % 399)::text || '号'
         || ($12::text[])[1 + (h_road / 1000000 % cardinality($12::text[]))::int],
       territory, industry, scale, workforce, dust_workers, uses_liquid_ammonia, has_deep_well_casting,
       jsonb_array_length(keyed.reasons) > 0, keyed.reasons,
       substr($13, 1 + (h_person % char_length($13))::int, 1)
         || ($14::text[])[1 + (h_person / 100 % cardinality($14::text[]))::int],
       CASE WHEN h_person % 3 = 0 THEN '0750-' || (3000000 + (h_person / 10) % 4000000)::text
            ELSE '1' || (3 + (h_person / 10) % 7)::text || lpad(((h_person / 100) % 1000000000)::text, 9, '0') END,
       timestamptz '2026-01-01 00:00:00+08' - make_interval(secs => (h_time % (8 * 365 * 86400))::double precision),
       timestamptz '2026-01-01 00:00:00+08' - make_interval(secs => (h_time % (8 * 365 * 86400))::double precision)
         + make_interval(secs => ((h_time / 1000) % (h_time % (8 * 365 * 86400) + 1))::double precision)
FROM (
  SELECT named.*, '91' || territory || ${orgCodeSql()} AS code17 FROM named
) AS coded
JOIN keyed ON keyed.key = industry || ':' || dust_workers || ':' || uses_liquid_ammonia::int || has_deep_well_casting::int
`;

// $3–$16 for registryInsertSql, built from the vocabularies and the catalogue.
export const registryParameters = (): RegistryParameters => {
  const countyNames = new Map(territories.map((territory) => [territory.code, territory.name]));
  const countySlots = weightedSlots(Object.entries(countyWeights));
  const known = new Set(industryCatalog.entries.map((industry) => industry.code));
  for (const [code] of sectors) {
    if (!known.has(code))
      throw new Error(`bench/registry.ts names industry "${code}", which the catalogue lacks`);
  }
  const sectorSlots = weightedSlots(sectors.map(([code, weight, products]) => [{ code, products }, weight]));
  // measure 4's key-industry status for every combination the generator can produce, from the domain's
  // rule and catalogue (the server's grading also weighs records the registry does not have).
  const keys: string[] = [];
  const reasons: string[] = [];
  for (const [industry] of sectors) {
    for (let dustWorkers = 0; dustWorkers <= 60; dustWorkers += 1) {
      for (const usesLiquidAmmonia of [false, true]) {
        for (const hasDeepWellCasting of [false, true]) {
          keys.push(`${industry}:${dustWorkers}:${Number(usesLiquidAmmonia)}${Number(hasDeepWellCasting)}`);
          const profile = { industry, dustWorkers, usesLiquidAmmonia, hasDeepWellCasting };
          const met = keyIndustryReasons(profile, keyIndustryCriteriaCatalog.entries);
          reasons.push(JSON.stringify(met.map((reason) => ({ code: reason.criterion, name: reason.name }))));
        }
      }
    }
  }
  return [
    countySlots.map((code) => code),
    countySlots.map((code) => countyNames.get(code) ?? code),
    countySlots.map((code) => towns[code]!.join('|')),
    sectorSlots.map((slot) => slot.code),
    sectorSlots.map((slot) => slot.products.join('|')),
    brandCharacters,
    modifiers,
    forms,
    roads,
    addressSuffixes,
    surnames,
    givenNames,
    keys,
    reasons,
  ];
};
