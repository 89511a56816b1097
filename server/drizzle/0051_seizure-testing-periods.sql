-- 行政强制法 第二十五条第三款 (issue 15 item 7): the periods of 检测、检验、检疫或者技术鉴定 not included in a seizure's period
ALTER TABLE "case_seizures" ADD COLUMN "testing_periods" jsonb DEFAULT '[]'::jsonb NOT NULL;
