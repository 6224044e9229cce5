#!/usr/bin/env node
/**
 * The `election-clerk` command line: batch work on .xlsx files with the same engine as the add-in.
 * Exit status: 0 nothing wrong, 1 findings of severity error, 2 could not run.
 */
import { CannotRun, CliIo, Command, EXIT_CANNOT_RUN, EXIT_OK } from './cli-kit';
import { commands } from './commands';

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    '选务助手 · Election Clerk — voter roll checks, seat quotas and statistics tables for people\'s congress elections.',
    '',
    'Usage: election-clerk COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "election-clerk COMMAND --help" for a command\'s options.',
    'Exit status: 0 nothing wrong, 1 findings of severity error, 2 could not run.',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${usage()}\n`);
    return name ? EXIT_OK : EXIT_CANNOT_RUN;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`election-clerk: unknown command "${name}".\n\n${usage()}\n`);
    return EXIT_CANNOT_RUN;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.help.trimEnd()}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CannotRun) {
      io.err(`election-clerk ${name}: ${e.message}\n`);
      return EXIT_CANNOT_RUN;
    }
    io.err(`election-clerk ${name}: unexpected error: ${(e as Error).stack ?? e}\n`);
    return EXIT_CANNOT_RUN;
  }
}

if (require.main === module) {
  const io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`${e}\n`); process.exitCode = EXIT_CANNOT_RUN; },
  );
}
