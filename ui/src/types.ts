// AppInfo is defined in src-tauri and will be generated into bindings/app/AppInfo.ts.
// Until that file exists this hand-written copy mirrors the contract; replace the
// declaration with a re-export (`export type { AppInfo } from './bindings/app/AppInfo'`)
// once it is generated.
export type AppInfo = {
  db_path: string;
  demo: boolean;
  currency: string;
  version: string;
  default_export_name: string;
};
