/**
 * Plain words for the values of the case format's lists, for messages and the interview.
 * (Documents phrase values in their own sentences; these are the short labels.)
 */
import type { ENUMS } from './schema.js';

type Labels<K extends keyof typeof ENUMS> = Record<(typeof ENUMS)[K][number], string>;

export const BASIS_LABELS: Labels<'basis'> = {
  'changed-country-conditions': 'changed country conditions',
  'new-evidence': 'new evidence',
  'in-absentia-exceptional': 'in absentia order, exceptional circumstances',
  'in-absentia-no-notice': 'in absentia order, no notice of the hearing',
  'in-absentia-in-custody': 'in absentia order, in custody at the time of the hearing',
  joint: 'joint motion with DHS',
  'ineffective-assistance': 'ineffective assistance of counsel',
  'change-in-law': 'change in the law',
  'sua-sponte': "reopening on the court's own motion",
  'court-order': 'a federal court order',
};

export const FORUM_LABELS: Labels<'forum'> = {
  'immigration-court': 'immigration court',
  bia: 'Board of Immigration Appeals',
};

export const AGENCY_LABELS: Labels<'agency'> = {
  uscis: 'U.S. Citizenship and Immigration Services (USCIS)',
  ice: 'U.S. Immigration and Customs Enforcement (ICE)',
  cbp: 'U.S. Customs and Border Protection (CBP)',
  obim: 'Office of Biometric Identity Management (OBIM)',
  eoir: 'Executive Office for Immigration Review (EOIR)',
  state: 'U.S. Department of State',
  fbi: 'Federal Bureau of Investigation (FBI)',
};

export const RELIEF_LABELS: Labels<'relief'> = {
  asylum: 'asylum',
  withholding: 'withholding of removal',
  cat: 'protection under the Convention Against Torture',
  adjustment: 'adjustment of status',
  cancellation: 'cancellation of removal',
  other: 'other relief',
};

export const CUSTODY_LABELS: Labels<'custodyStatus'> = {
  detained: 'detained',
  supervision: 'on an order of supervision',
  bond: 'released on bond',
  alternatives: 'on alternatives to detention',
  'at-large': 'not in custody',
  removed: 'removed from the United States',
};
