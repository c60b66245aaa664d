//! Where the refresh token lives: the OS keyring (Secret Service on Linux) when one
//! answers, otherwise a 0600 file in the app's data directory. Never SQLite, never a log.

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

/// The store the app and the CLI use for a data directory. `CLIENTELE_TOKEN_STORE=file`
/// skips the keyring (tests, headless machines).
pub fn default_token_store(data_dir: &Path) -> Box<dyn TokenStore> {
    let file = FileTokenStore::new(data_dir);
    if std::env::var("CLIENTELE_TOKEN_STORE").as_deref() == Ok("file") {
        return Box::new(file);
    }
    let account = format!("refresh-token:{}", data_dir.display());
    Box::new(FallbackTokenStore {
        keyring: KeyringTokenStore::new(&account).ok(),
        file,
    })
}
