//! Where the refresh token lives: the OS keyring (Secret Service on Linux) when one
//! answers, otherwise a 0600 file in the app's data directory. Never SQLite, never a log.
//! Tokens are kept per marketplace account (`account_token_store`), so two databases in
//! one folder never share a sign-in; `default_token_store` is the older per-folder slot.

use super::account::Account;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Keeps one refresh token. Implementations must never log the token.
pub trait TokenStore: Send + Sync {
    fn load(&self) -> Result<Option<String>>;
    fn save(&self, token: &str) -> Result<()>;
    fn delete(&self) -> Result<()>;
    /// Where the token is kept, for messages (never the token itself).
    fn location(&self) -> String;
}

/// File name of the fallback token file inside the data directory.
pub const TOKEN_FILE_NAME: &str = "clientele-refresh-token";

/// The token in a file readable only by the user (mode 0600), replaced atomically.
pub struct FileTokenStore {
    path: PathBuf,
}

impl FileTokenStore {
    pub fn new(dir: &Path) -> FileTokenStore {
        FileTokenStore {
            path: dir.join(TOKEN_FILE_NAME),
        }
    }

    /// The account's own token file in `dir`.
    pub fn for_account(dir: &Path, account: &Account) -> FileTokenStore {
        FileTokenStore {
            path: dir.join(account_file_name(account)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl TokenStore for FileTokenStore {
    fn load(&self) -> Result<Option<String>> {
        match std::fs::read_to_string(&self.path) {
            Ok(s) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
            Ok(_) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::Io(format!(
                "cannot read {}: {e}",
                self.path.display()
            ))),
        }
    }

    fn save(&self, token: &str) -> Result<()> {
        use std::io::Write;
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let tmp = self.path.with_extension("tmp");
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut f = opts.open(&tmp)?;
        f.write_all(token.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, &self.path)?;
        Ok(())
    }

    fn delete(&self) -> Result<()> {
        match std::fs::remove_file(&self.path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }

    fn location(&self) -> String {
        format!("file {}", self.path.display())
    }
}

/// The token in the OS keyring under service `clientele`.
pub struct KeyringTokenStore {
    entry: keyring::Entry,
}

impl KeyringTokenStore {
    pub fn new(account: &str) -> Result<KeyringTokenStore> {
        keyring::Entry::new("clientele", account)
            .map(|entry| KeyringTokenStore { entry })
            .map_err(|e| Error::Io(format!("keyring unavailable: {e}")))
    }
}

impl TokenStore for KeyringTokenStore {
    fn load(&self) -> Result<Option<String>> {
        match self.entry.get_password() {
            Ok(t) => Ok(Some(t)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(Error::Io(format!("keyring: {e}"))),
        }
    }

    fn save(&self, token: &str) -> Result<()> {
        self.entry
            .set_password(token)
            .map_err(|e| Error::Io(format!("keyring: {e}")))
    }

    fn delete(&self) -> Result<()> {
        match self.entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(Error::Io(format!("keyring: {e}"))),
        }
    }

    fn location(&self) -> String {
        "the OS keyring".into()
    }
}

/// Keyring first; where it fails (no Secret Service, as in CI) the 0600 file.
pub struct FallbackTokenStore {
    keyring: Option<KeyringTokenStore>,
    file: FileTokenStore,
}

impl TokenStore for FallbackTokenStore {
    fn load(&self) -> Result<Option<String>> {
        if let Some(Ok(Some(t))) = self.keyring.as_ref().map(|k| k.load()) {
            return Ok(Some(t));
        }
        self.file.load()
    }

    fn save(&self, token: &str) -> Result<()> {
        if let Some(k) = &self.keyring {
            match k.save(token) {
                // Only one copy: a stale file would outlive a later sign-out from the keyring.
                Ok(()) => return self.file.delete(),
                Err(e) => tracing::info!("keyring not usable ({e}); keeping the token in a file"),
            }
        }
        self.file.save(token)
    }

    fn delete(&self) -> Result<()> {
        if let Some(k) = &self.keyring {
            let _ = k.delete();
        }
        self.file.delete()
    }

    fn location(&self) -> String {
        match self.keyring.as_ref().map(|k| k.load()) {
            Some(Ok(Some(_))) => "the OS keyring".into(),
            _ => self.file.location(),
        }
    }
}

/// `clientele-refresh-token-<16 hex digits>`: a stable hash (FNV-1a) of the account key,
/// so the name is the same in every process and reveals nothing but itself.
pub fn account_file_name(account: &Account) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in account.key().bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{TOKEN_FILE_NAME}-{h:016x}")
}

/// Whether `CLIENTELE_TOKEN_STORE=file` asks to skip the keyring (tests, headless machines).
pub fn file_only_from_env() -> bool {
    std::env::var("CLIENTELE_TOKEN_STORE").as_deref() == Ok("file")
}

/// The account's store: keyring entry `refresh-token:<base url>#<user id>` first, else its
/// own 0600 file in `dir`.
pub fn account_token_store(dir: &Path, account: &Account, file_only: bool) -> Box<dyn TokenStore> {
    let file = FileTokenStore::for_account(dir, account);
    if file_only {
        return Box::new(file);
    }
    Box::new(FallbackTokenStore {
        keyring: KeyringTokenStore::new(&format!("refresh-token:{}", account.key())).ok(),
        file,
    })
}

/// Whether `store` holds a token (an unreadable store counts as none).
pub fn has_token(store: &dyn TokenStore) -> bool {
    store.load().ok().flatten().is_some()
}

/// Holds nothing: for calls that need no token (login) or a database with no account.
pub struct NoTokenStore;

impl TokenStore for NoTokenStore {
    fn load(&self) -> Result<Option<String>> {
        Ok(None)
    }
    fn save(&self, _: &str) -> Result<()> {
        Err(Error::Io("no token store chosen".into()))
    }
    fn delete(&self) -> Result<()> {
        Ok(())
    }
    fn location(&self) -> String {
        "nowhere".into()
    }
}

/// The per-folder store the app and the CLI used before tokens were kept per account;
/// still read once to carry an existing sign-in over. `CLIENTELE_TOKEN_STORE=file` skips
/// the keyring.
pub fn default_token_store(data_dir: &Path) -> Box<dyn TokenStore> {
    folder_token_store(data_dir, file_only_from_env())
}

/// The per-folder store, choosing the file alone when `file_only`.
pub fn folder_token_store(data_dir: &Path, file_only: bool) -> Box<dyn TokenStore> {
    let file = FileTokenStore::new(data_dir);
    if file_only {
        return Box::new(file);
    }
    let account = format!("refresh-token:{}", data_dir.display());
    Box::new(FallbackTokenStore {
        keyring: KeyringTokenStore::new(&account).ok(),
        file,
    })
}
