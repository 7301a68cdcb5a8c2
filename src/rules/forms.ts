/**
 * The EOIR forms a motion needs, by forum (domain reference 1.6, 3.6; V09): the notice of
 * appearance that must accompany every motion to reopen, and the change-of-address form.
 */
import type { Forum } from '../case/index.js';

export const FORUM_FORMS: Record<Forum, { appearance: { form: string; name: string; citation: string }; address: { form: string; citation: string } }> = {
  'immigration-court': {
    appearance: { form: 'EOIR-28', name: 'Notice of Entry of Appearance as Attorney or Representative Before the Immigration Court', citation: 'ICPM 5.1(b)' },
    address: { form: 'EOIR-33/IC', citation: 'ICPM 5.9(b)' },
  },
  bia: {
    appearance: { form: 'EOIR-27', name: 'Notice of Entry of Appearance as Attorney or Representative Before the Board', citation: 'BIA PM 2.1(b), 5.1(b)(1)' },
    address: { form: 'EOIR-33/BIA', citation: 'BIA PM 5.1' },
  },
};
