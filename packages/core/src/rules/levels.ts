import { z } from 'zod';
import { type RiskLevel, riskLevelSchema } from '../domain/risk-level.ts';

/** Ordinal risk levels, lowest first (the domain's enum). Names, colours and response targets are configuration. */
export const RISK_LEVELS: readonly RiskLevel[] = riskLevelSchema.options;
export type Level = RiskLevel;
export const levelSchema = riskLevelSchema;

export const levelRank = (level: Level): number => RISK_LEVELS.indexOf(level);

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) });

export const levelDisplaySchema = z.object({
  name: localized,
  colour: z.string().min(1),
  /** ISO 8601 duration to first response (PT0S = immediate). */
  responseTarget: z
    .string()
    .regex(/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'an ISO 8601 duration such as PT4H'),
  description: localized,
});
export type LevelDisplay = z.infer<typeof levelDisplaySchema>;
export type LevelScheme = Readonly<Record<Level, LevelDisplay>>;

/**
 * Default level scheme: names, colours and response targets from reference/triage.md §0.1 (UK/Victorian MHTS, MTS,
 * 988 Lifeline). Schools name and number levels differently (一级/三级, 红/橙/黄): override per rule set.
 */
export const defaultLevelScheme: LevelScheme = {
  R4: {
    name: { zh: '紧急', en: 'imminent' },
    colour: 'red',
    responseTarget: 'PT0S',
    description: { zh: '立即处置，一键转接110/120，保持通话', en: 'act now: emergency transfer, keep on the line' },
  },
  R3: {
    name: { zh: '高危', en: 'high' },
    colour: 'orange',
    responseTarget: 'PT4H',
    description: { zh: '4–24小时内危机评估', en: 'crisis assessment within 4–24 h' },
  },
  R2: {
    name: { zh: '中', en: 'moderate' },
    colour: 'yellow',
    responseTarget: 'PT72H',
    description: { zh: '72小时内评估', en: 'assessment within 72 h' },
  },
  R1: {
    name: { zh: '一般', en: 'low' },
    colour: 'blue',
    responseTarget: 'P28D',
    description: { zh: '常规服务，数周内', en: 'routine service within weeks' },
  },
  R0: {
    name: { zh: '现实求助', en: 'practical help' },
    colour: 'green',
    responseTarget: 'P7D',
    description: {
      zh: '现实求助或信息咨询，按合作单位时限',
      en: 'practical help or information, per partner agreement',
    },
  },
};
