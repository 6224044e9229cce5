/** Every `election-clerk` command, in the order `--help` lists them. */
import { Command } from '../cli-kit';
import { idCommand } from './id';

export const commands: Command[] = [idCommand];
