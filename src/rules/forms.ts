/**
 * The EOIR forms a motion needs, by forum (domain reference 1.6, 3.6; V09): the notice of
 * appearance that must accompany every motion to reopen, and the change-of-address form.
 */
import type { Forum } from '../case/index.js';
import type { ENUMS } from '../case/schema.js';

type Relief = (typeof ENUMS.relief)[number];

/**
 * `address.citation` is the rule that requires the form whenever the address changes (8 C.F.R.
 * 1003.15(d)(2) before a court, 1003.38(e) before the Board; [M], read from memory);
 * `address.withMotion` the one that asks for it with a motion to rescind an in absentia order.
 */
export const FORUM_FORMS: Record<
  Forum,
  { appearance: { form: string; name: string; citation: string }; address: { form: string; citation: string; withMotion: string } }
> = {
  'immigration-court': {
    appearance: { form: 'EOIR-28', name: 'Notice of Entry of Appearance as Attorney or Representative Before the Immigration Court', citation: 'ICPM 5.1(b)' },
    address: { form: 'EOIR-33/IC', citation: '8 C.F.R. 1003.15(d)(2)', withMotion: 'ICPM 5.9(b)' },
  },
  bia: {
    appearance: { form: 'EOIR-27', name: 'Notice of Entry of Appearance as Attorney or Representative Before the Board', citation: 'BIA PM 2.1(b), 5.1(b)(1)' },
    address: { form: 'EOIR-33/BIA', citation: '8 C.F.R. 1003.38(e)', withMotion: '8 C.F.R. 1003.38(e)' },
  },
};

/**
 * The protection claims (asylum, withholding of removal, CAT): the only relief a changed-country-
 * conditions motion may seek (INA 240(c)(7)(C)(ii)), and, before July 4, 2025, relief whose
 * application needs no fee (8 C.F.R. 1003.24(b)(2)).
 */
export const PROTECTION_RELIEF: ReadonlySet<Relief> = new Set(['asylum', 'withholding', 'cat']);

/**
 * The application a motion seeking each kind of relief must attach (8 C.F.R. 1003.23(b)(3),
 * 1003.2(c)(1)); relief without an entry has no single form.
 */
export const APPLICATION_FORM: Readonly<Partial<Record<Relief, string>>> = {
  asylum: 'Form I-589',
  withholding: 'Form I-589',
  cat: 'Form I-589',
  adjustment: 'Form I-485',
  cancellation: 'Form EOIR-42A or EOIR-42B',
};
