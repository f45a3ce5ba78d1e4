import { describe, expect, it } from 'vitest';
import { langFromArgv, langFromEnv } from './lang.ts';

describe('langFromEnv', () => {
  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8' }, 'zh'],
    [{ LC_ALL: '', LANG: 'zh_CN.GB18030' }, 'zh'],
    [{}, 'en'],
    [{ LANG: 'C' }, 'en'],
  ])('%j → %s', (env, lang) => {
    expect(langFromEnv(env)).toBe(lang);
  });
});

describe('langFromArgv', () => {
  it.each([
    [['score', '--lang', 'zh'], {}, 'zh'],
    [['score', '--lang=zh'], {}, 'zh'],
    [['score', '--lang', 'en'], { LANG: 'zh_CN' }, 'en'],
    [['score', '--lang', 'fr'], { LANG: 'zh_CN' }, 'zh'],
    [['--', '--lang', 'zh'], {}, 'en'],
  ])('%j with %j → %s', (argv, env, lang) => {
    expect(langFromArgv(argv, env)).toBe(lang);
  });
});
