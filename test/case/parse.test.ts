import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseSchema, FIELDS, formatANumber, labelOf, normalizeANumber, parseCase, patternOf } from '../../src/case/index.js';
import { caseWith, sample, samples } from '../helpers/cases.js';

const codesAt = (input: unknown) => {
  const r = parseCase(input);
  return r.issues.map((i) => `${i.code}@${i.path}`);
};

describe('A-numbers', () => {
  it.each([
    ['A012-345-678', '012345678'],
    ['A 012 345 678', '012345678'],
    ['a12345678', '012345678'],
    ['12345678', '012345678'],
    ['A-1234567', '001234567'],
    [' A208114539 ', '208114539'],
    [12345678, '012345678'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalizeANumber(input)).toEqual({ ok: true, value: expected });
  });

  it('refuses more than nine digits with the words of the spec', () => {
    const r = parseCase(caseWith({ respondent: { aNumber: 'A0123456789' } }));
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual({
      code: 'a_number_too_long',
      path: 'respondent.aNumber',
      severity: 'error',
      message: 'An A-number has at most 9 digits; this one has 10.',
    });
  });

  it('refuses too few digits and stray letters', () => {
    expect(normalizeANumber('A12345')).toEqual({ ok: false, problem: { code: 'a_number_too_short', digits: 5 } });
    expect(normalizeANumber('A12B45678').ok).toBe(false);
    expect(normalizeANumber('').ok).toBe(false);
    expect(normalizeANumber(-5).ok).toBe(false);
    expect(normalizeANumber(1.5).ok).toBe(false);
  });

  it('prints as A012-345-678', () => {
    expect(formatANumber('012345678')).toBe('A012-345-678');
  });

  const decorated = fc
    .tuple(fc.stringMatching(/^\d{1,12}$/), fc.boolean(), fc.constantFrom('', ' ', '-'))
    .map(([digits, withA, sep]) => `${withA ? 'A' : ''}${digits.replace(/(\d{3})(?=\d)/g, `$1${sep}`)}`);

  it('normalisation is idempotent and refuses more than 9 digits (property)', () => {
    fc.assert(
      fc.property(decorated, (input) => {
        const digits = input.replace(/\D/g, '').length;
        const r = normalizeANumber(input);
        if (digits > 9) {
          expect(r).toEqual({ ok: false, problem: { code: 'a_number_too_long', digits } });
        } else if (digits >= 7) {
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value).toMatch(/^\d{9}$/);
            expect(normalizeANumber(r.value)).toEqual(r);
            expect(normalizeANumber(formatANumber(r.value))).toEqual(r);
          }
        } else {
          expect(r.ok).toBe(false);
        }
      }),
    );
  });
});

describe('civil dates', () => {
  it('refuses dates that do not exist and wrong shapes', () => {
    expect(codesAt(caseWith({ respondent: { dateOfBirth: '2017-02-30' } }))).toContain('date_not_real@respondent.dateOfBirth');
    expect(codesAt(caseWith({ respondent: { dateOfBirth: '2019-02-29' } }))).toContain('date_not_real@respondent.dateOfBirth');
    // A birth date may be known only in part, so its wrong shape is told in those words.
    expect(codesAt(caseWith({ respondent: { dateOfBirth: '02/03/2017' } }))).toContain('partial_date_format@respondent.dateOfBirth');
    expect(codesAt(caseWith({ proceedings: { order: { date: '02/03/2017' } } }))).toContain('date_format@proceedings.order.date');
    expect(codesAt(caseWith({ respondent: { dateOfBirth: '1984-13' } }))).toContain('date_not_real@respondent.dateOfBirth');
    expect(parseCase(caseWith({ respondent: { dateOfBirth: '2020-02-29' } })).ok).toBe(true);
  });
});

describe('parseCase', () => {
  it('accepts every sample case', () => {
    for (const s of samples()) {
      const r = parseCase(sample(s.name));
      expect(r.issues.filter((i) => i.severity === 'error'), s.name).toEqual([]);
      expect(r.ok, s.name).toBe(true);
    }
  });

  it('stores the A-number as nine digits', () => {
    const r = parseCase(sample('released-records-only'));
    expect(r.ok && r.case.respondent.aNumber).toBe('046801337');
  });

  it('refuses an unknown field and suggests the intended one', () => {
    const r = parseCase(caseWith({ respondent: { aNumbr: 'x' } }));
    const issue = r.issues.find((i) => i.code === 'unknown_field');
    expect(issue?.path).toBe('respondent.aNumbr');
    expect(issue?.message).toContain('did you mean "aNumber"?');
    expect(codesAt(caseWith({ extra: 1 }))).toContain('unknown_field@extra');
  });

  it('names a missing field with its label', () => {
    const input = caseWith();
    delete (input['respondent'] as Record<string, unknown>)['dateOfBirth'];
    const r = parseCase(input);
    expect(r.issues).toContainEqual({
      code: 'required',
      path: 'respondent.dateOfBirth',
      severity: 'error',
      message: "The respondent's date of birth is required.",
    });
  });

  it('says what a wrong type is, in plain words', () => {
    const r = parseCase(caseWith({ proceedings: { order: { inAbsentia: 'no' } } }));
    expect(r.issues[0]?.message).toBe('Whether the order was entered in absentia must be true or false, not the text "no".');
  });

  it('lists the allowed choices', () => {
    const r = parseCase(caseWith({ custody: { status: 'jail' } }));
    expect(r.issues[0]?.code).toBe('invalid_choice');
    expect(r.issues[0]?.message).toContain('"detained"');
  });

  it('requires a mailing address unless detained, and a facility when detained', () => {
    const input = caseWith({ custody: { status: 'supervision' } });
    delete (input['respondent'] as Record<string, unknown>)['mailingAddress'];
    expect(codesAt(input)).toEqual(['required_when@respondent.mailingAddress']);
    const detained = caseWith({ custody: { status: 'detained' } });
    delete (detained['respondent'] as Record<string, unknown>)['mailingAddress'];
    expect(codesAt(detained)).toEqual(['required_when@custody.facility']);
  });

  it('requires a court-order clock for a court-order basis', () => {
    expect(codesAt(caseWith({ motion: { basis: 'court-order' } }))).toEqual(['required_when@motion.courtOrderClock']);
  });

  it('refuses control characters and empty text, with the field named', () => {
    const r = parseCase(caseWith({ respondent: { name: { given: 'Sa\u0007mi', family: '  ' } } }));
    expect(r.issues.map((i) => `${i.code}@${i.path}`)).toEqual([
      'empty_text@respondent.name.family',
      'control_character@respondent.name.given',
    ]);
    expect(r.issues[1]?.message).toContain('U+0007');
  });

  it('allows newlines in prose but not in a name', () => {
    expect(parseCase(caseWith({ motion: { basis: 'sua-sponte', summary: 'One.\n\nTwo.' } })).ok).toBe(true);
    expect(codesAt(caseWith({ counsel: { name: 'A\nB' } }))).toContain('control_character@counsel.name');
  });

  it('checks U.S. addresses but not foreign ones', () => {
    expect(codesAt(caseWith({ counsel: { address: { state: 'Michigan', zip: '4822' } } }))).toEqual([
      'state_invalid@counsel.address.state',
      'zip_invalid@counsel.address.zip',
    ]);
    expect(parseCase(caseWith({ counsel: { address: { state: 'Ninawa', zip: '41001', country: 'IQ' } } })).ok).toBe(true);
  });

  it('catches dates in the wrong order', () => {
    expect(
      codesAt(caseWith({ proceedings: { order: { appeal: 'filed' }, appealDecision: { date: '2016-01-01', outcome: 'dismissed' } } })),
    ).toEqual(['date_order@proceedings.appealDecision.date']);
    expect(codesAt(caseWith({ proceedings: { appealDecision: { date: '2018-01-01', outcome: 'dismissed' } } }))).toEqual([
      'contradiction@proceedings.appealDecision',
    ]);
  });

  it('reports ten different mistakes as ten issues in one run', () => {
    const input = caseWith({
      format: 'reopen.case/0', // 1
      respondent: {
        aNumber: 'A0123456789', // 2
        dateOfBirth: '2017-02-30', // 3
        nationality: 'Iraq', // 4
        sex: 'm', // 5
        middleName: 'Hanna', // 6
      },
      custody: { status: 'detained' }, // 7: no facility
      proceedings: { order: { date: '2017/03/15' } }, // 8
      counsel: { email: 'not an email' }, // 9
      records: { agencies: ['uscis', 'uscis'] }, // 10
    });
    const issues = parseCase(input).issues;
    expect(issues.map((i) => i.code).sort()).toEqual(
      [
        'unsupported_format',
        'a_number_too_long',
        'date_not_real',
        'country_code',
        'invalid_choice',
        'unknown_field',
        'required_when',
        'date_format',
        'email_invalid',
        'duplicate_entry',
      ].sort(),
    );
    for (const i of issues) {
      expect(i.severity).toBe('error');
      expect(i.message.length).toBeGreaterThan(20);
      expect(i.message).not.toMatch(/undefined|\[object|NaN/);
    }
  });

  it('never throws on any JSON value: it returns issues (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseCase(value);
        expect(r.ok).toBe(false);
        expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when any field of a valid case is replaced by any JSON value (property)', () => {
    const base = sample('detained-iraqi-hamama');
    const paths: string[][] = [];
    const walk = (v: unknown, path: string[]) => {
      paths.push(path);
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, value) => {
        const copy = structuredClone(base) as Record<string, unknown>;
        let node = copy as Record<string, unknown>;
        for (const seg of path.slice(0, -1)) node = node[seg] as Record<string, unknown>;
        node[path.at(-1)!] = value;
        const r = parseCase(copy);
        for (const i of r.issues) {
          expect(typeof i.path).toBe('string');
          expect(i.message).not.toMatch(/undefined|\[object Object\]/);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('labels', () => {
  it('every field of the schema has a label, and every label names a field', () => {
    const schemaPaths: string[] = [];
    const walk = (node: z.ZodType, path: string) => {
      let n: z.ZodType = node;
      for (;;) {
        if (n instanceof z.ZodOptional) n = n.unwrap() as z.ZodType;
        else if (n instanceof z.ZodPipe) n = n.in as z.ZodType;
        else break;
      }
      if (path) schemaPaths.push(path);
      if (n instanceof z.ZodObject) {
        for (const [k, child] of Object.entries(n.shape as Record<string, z.ZodType>)) walk(child, path ? `${path}.${k}` : k);
      } else if (n instanceof z.ZodArray) {
        walk(n.element as z.ZodType, `${path}.*`);
      }
    };
    walk(caseSchema, '');
    const unlabeled = schemaPaths.filter((p) => labelOf(p).startsWith('the field '));
    expect(unlabeled).toEqual([]);
    const patterns = new Set(schemaPaths.map(patternOf));
    const stray = Object.keys(FIELDS).filter((k) => k !== '' && !patterns.has(k));
    expect(stray).toEqual([]);
  });

  it('labels parts of addresses from their parent, and list items by number', () => {
    expect(labelOf('counsel.address.zip')).toBe("the ZIP code of counsel's address");
    expect(labelOf('proceedings.priorMotions.1.filed')).toBe('the filing date of an earlier motion (no. 2)');
  });
});
