import { clientsImporter } from '../import/apply-clients';
import { secondmentsImporter } from '../import/apply-secondments';
import { usersImporter } from '../import/apply-users';
import { wallsImporter } from '../import/apply-walls';
import { type Importer, printSummary, runImport } from '../import/run-import';
import { type AdminCommand, UsageError } from '../admin-context';

const IMPORT_OPTIONS = {
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  sheet: { type: 'string' },
  mapping: { type: 'string' },
  'date-format': { type: 'string' },
} as const;

const WHAT: Record<string, string> = {
  users: 'people from the firm\'s directory (name, email, role, title); matched by email',
  walls: 'ethical walls from the conflicts system (user email, client id or name)',
  clients: 'clients from the CRM (name, industry, PMS record ids per system); matched by client id, else name',
  secondments: 'the secondment spreadsheet; matched by client + secondee + planned start + direction',
};

function importCommand<T>(importer: Importer<T>): AdminCommand {
  return {
    name: `import ${importer.entity}`,
    summary: `import ${WHAT[importer.entity]}`,
    usage: `import ${importer.entity} <file.csv|file.xlsx> [--dry-run] [--json] [--sheet <name>] [--mapping <map.json>] [--date-format DD/MM/YYYY|MM/DD/YYYY|YYYY-MM-DD]`,
    options: IMPORT_OPTIONS,
    positionals: 1,
    async run(ctx, { values, positionals }) {
      const file = positionals[0];
      if (!file) throw new UsageError('Give the file to import.');
      const summary = await runImport(ctx, importer, file, values);
      printSummary(ctx, importer.entity, summary, values.json === true);
      ctx.report?.(`${summary.dryRun ? 'dry run; ' : ''}read ${summary.read}, created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}`);
      if (importer.entity === 'users' && summary.created > 0 && !values.json) {
        ctx.io.out('Imported users have no API token: they sign in with the firm\'s identity provider, or get one with: npm run admin -- tokens issue <email>');
      }
    },
  };
}

export const importUsers = importCommand(usersImporter);
export const importWalls = importCommand(wallsImporter);
export const importClients = importCommand(clientsImporter);
export const importSecondments = importCommand(secondmentsImporter);
