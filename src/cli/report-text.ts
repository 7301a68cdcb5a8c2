/**
 * The readable form of a check report, for a terminal. Pure: report in, text out.
 */
import { usd, type CheckReport, type Issue } from '../index.js';

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export function formatReport(report: CheckReport, opts: { file: string; color: boolean }): string {
  const bold = paint(opts.color, '1');
  const red = paint(opts.color, '31');
  const yellow = paint(opts.color, '33');
  const dim = paint(opts.color, '2');
  const lines: string[] = [];
  lines.push(`${bold('Reopen check')}: ${opts.file} (law applied as of ${report.asOf})`);
  const d = report.details;

  if (report.forum !== null) {
    lines.push('', bold('Motion to reopen'));
    lines.push(`  Forum: ${report.forum === 'bia' ? 'Board of Immigration Appeals' : 'immigration court'}${d?.venue ? ` (${d.venue.name}${d.venue.code ? `, ${d.venue.code}` : ''})` : ''}`);
    if (d?.forum) lines.push(dim(`    ${d.forum.explanation} [${d.forum.citation}]`));
    lines.push(`  Automatic stay on filing: ${report.automaticStay ? 'yes' : 'no'}`);
    if (d?.automaticStay) lines.push(dim(`    ${d.automaticStay.explanation} [${d.automaticStay.citation}]`));
    for (const dl of report.deadlines) {
      const due = dl.due === null ? 'no time limit' : `file by ${dl.due}`;
      const legal = dl.legalDue !== null && dl.legalDue !== dl.due ? ` (the regulation's date: ${dl.legalDue})` : '';
      lines.push(`  Deadline: ${due}${legal}`);
      lines.push(dim(`    ${dl.explanation} [${dl.citation}]`));
    }
    if (d?.fee) {
      lines.push(`  Fee: ${d.fee.owed === 0 ? 'none owed' : usd(d.fee.owed)}`);
      lines.push(dim(`    ${d.fee.explanation}`));
    }
  }
  if (report.records.length > 0) {
    lines.push('', bold('Records requests'));
    for (const r of report.records) {
      const due = r.due ? `answer due ${r.due}` : 'no response date yet';
      lines.push(`  ${r.agency.toUpperCase()}: ${r.route}, ${due}`);
      lines.push(dim(`    ${r.explanation} [${r.citation}]`));
    }
  }
  if ((d?.documents ?? []).length > 0) {
    lines.push('', bold('Documents'));
    for (const doc of d?.documents ?? []) {
      const state = !report.documents.includes(doc.id)
        ? 'not written by this version yet'
        : doc.missing.length === 0
          ? 'ready'
          : `lacks ${doc.missing.map((m) => m.path).join(', ')}`;
      lines.push(`  ${doc.id}: ${state}`);
    }
  }
  const errors = report.issues.filter((i) => i.severity === 'error');
  const warnings = report.issues.filter((i) => i.severity === 'warning');
  const show = (i: Issue, mark: string) =>
    `  ${mark} ${i.path === '' ? '(whole case)' : i.path}: ${i.message}${i.citation ? dim(` [${i.citation}]`) : ''} ${dim(`(${i.code})`)}`;
  if (errors.length > 0) {
    lines.push('', bold(red(`Errors (${errors.length})`)));
    for (const i of errors) lines.push(show(i, red('✗')));
  }
  if (warnings.length > 0) {
    lines.push('', bold(yellow(`Warnings (${warnings.length})`)));
    for (const i of warnings) lines.push(show(i, yellow('!')));
  }
  lines.push(
    '',
    report.ok
      ? `No errors${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} to review` : ''}.`
      : red(`${errors.length} error${errors.length === 1 ? '' : 's'}: fix them before generating filings.`),
    dim('Reopen prepares drafts for an attorney to review and sign; it does not give legal advice.'),
  );
  return `${lines.join('\n')}\n`;
}
