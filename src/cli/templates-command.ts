/** `reopen templates check`: exit 0 when every template is sound, 1 with file:line problems. */
import { checkTemplates, formatProblem } from '../index.js';
import { EXIT, UsageError, type CliIo } from './io.js';

export async function runTemplates(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'check' || rest.length > 0) throw new UsageError('the templates command has one form: reopen templates check');
  const result = checkTemplates();
  if (result.problems.length === 0) {
    io.out(`All ${result.checked.length} templates are sound: ${result.checked.join(', ')}.\n`);
    return EXIT.ok;
  }
  for (const p of result.problems) io.err(`${formatProblem(p, process.cwd())}\n`);
  io.err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in the templates.\n`);
  return EXIT.problems;
}
