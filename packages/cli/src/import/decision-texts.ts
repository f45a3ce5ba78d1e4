import {
  compareLevels,
  type Decision,
  explainDecision,
  type Level,
  type LevelScheme,
  type RuleSet,
} from '@triage/core';
import type { Lang } from '@triage/scales';
import { type DecisionText, describeDecision } from './result-cells.ts';

/**
 * What the result files say about each distinct decision of an import, made once and numbered `d1`, `d2` … in order
 * of first appearance (results.json's `decisions` table). Found by identity (the memo hands out one object per
 * distinct decision, most of the time), then by content: the memo may make a second, equal object (facts read in
 * another way, a cache emptied at capacity), which must get the same id, not a second entry in the table.
 */
export class DecisionTexts {
  private readonly byIdentity = new WeakMap<Decision, DecisionText>();
  private readonly byContent = new Map<string, DecisionText>();
  /** Each rule's level: rules a missing fact left undecided are said where they could have set a higher one. */
  private readonly ruleLevels: ReadonlyMap<string, Level | null>;

  constructor(
    ruleSet: RuleSet,
    private readonly levels: LevelScheme,
    private readonly lang: Lang,
  ) {
    this.ruleLevels = new Map(ruleSet.rules.map((r) => [r.id, r.then.level ?? null]));
  }

  describe(decision: Decision): DecisionText {
    let t = this.byIdentity.get(decision);
    if (t) return t;
    const content = JSON.stringify(decision);
    t = this.byContent.get(content);
    if (!t) {
      const explanation = explainDecision(decision, this.lang, this.levels);
      const levelName = decision.level ? this.levels[decision.level].name[this.lang] : '';
      const id = `d${this.byContent.size + 1}`;
      t = describeDecision(decision, id, levelName, explanation, this.lang, this.openRules(decision));
      this.byContent.set(content, t);
    }
    this.byIdentity.set(decision, t);
    return t;
  }

  /** Every decision described so far, in id order. */
  get table(): DecisionText[] {
    return [...this.byContent.values()];
  }

  /** Rules a missing fact (blank items) left undecided that could have set a higher level: any, without a level. */
  private openRules(decision: Decision): readonly string[] {
    const { level } = decision;
    if (level === null) return decision.undetermined;
    return decision.undetermined.filter((id) => {
      const ruleLevel = this.ruleLevels.get(id);
      return ruleLevel !== null && ruleLevel !== undefined && compareLevels(ruleLevel, level) > 0;
    });
  }
}
