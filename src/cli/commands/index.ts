/** Every `election-clerk` command, in the order `--help` lists them. */
import { Command } from '../cli-kit';
import { idCommand } from './id';
import { checkCommand } from './check';
import { sampleCommand } from './sample';
import { quotaCommand } from './quota';
import { seatsCommand } from './seats';
import { summaryCommand } from './summary';

export const commands: Command[] = [idCommand, checkCommand, seatsCommand, quotaCommand, sampleCommand, summaryCommand];
