// The mock backend's backups and recovery commands. URL switch: ?damaged opens on the
// recovery screen (the database "failed" quick_check) until a restore or an empty book.
import type { BackupInfo, commands, ErrorPayload, Scope } from '../bindings';

type Commands = typeof commands;
type BackupCommands = Pick<
  Commands,
  'databaseStatus' | 'listBackups' | 'backupNow' | 'restoreBackup' | 'startEmptyBook' | 'openDatabase'
>;

const DIR = '/home/demo/.local/share/clientele';
const DB = `${DIR}/clientele.db`;
const ALL: Scope[] = ['customers', 'stats', 'charts', 'activity', 'sync', 'app'];

function backupOf(at: Date, kind: BackupInfo['kind'] = 'regular'): BackupInfo {
  const stamp = at.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '');
  const file_name = `clientele-${stamp}${kind === 'pre_restore' ? '-prerestore' : ''}.db`;
  return { path: `${DIR}/backups/${file_name}`, file_name, kind, schema_version: null, taken_at: at.toISOString(), bytes: 4_200_000 };
}

export function backupCommands(params: URLSearchParams, customers: () => number, changed: (scopes: Scope[]) => void): BackupCommands {
  const backups: BackupInfo[] = [0, 1, 2].map((d) => backupOf(new Date(Date.now() - d * 86_400_000)));
  let openError: ErrorPayload | null = params.has('damaged')
    ? { code: 'damaged', message: `${DB} is damaged (Page 12: btreeInitPage() returns error code 11); restore a backup, open another file or start an empty book` }
    : null;
  return {
    databaseStatus: async () => ({ path: DB, error: openError, newest_backup: backups[0] ?? null }),
    listBackups: async () => backups,
    backupNow: async () => {
      const b = backupOf(new Date());
      backups.unshift(b);
      return b;
    },
    restoreBackup: async (path) => {
      const snapshot = openError ? null : backupOf(new Date(), 'pre_restore');
      if (snapshot) backups.unshift(snapshot);
      const set_aside = openError ? `${DB}.damaged-mock` : null;
      openError = null;
      changed(ALL);
      return { path: DB, restored_from: path, snapshot, set_aside, customers: customers() };
    },
    startEmptyBook: async () => {
      openError = null;
      changed(ALL);
      return { path: DB, set_aside: `${DB}.damaged-mock` };
    },
    // The native open dialog cannot run in a browser: "cancelled".
    openDatabase: async () => null,
  };
}
