//! What the app's processes hold while they sit open all day (docs/architecture.md,
//! "Memory"; README, "Desktop app"). Measured at 100,000 customers under Xvfb: the
//! allocators kept what bursts of work had freed (the book index's load, the file's check,
//! a run of searches), and WebKit's JavaScript engine sized its heap and optimising
//! compilers for a machine's whole RAM.

use std::sync::atomic::{AtomicU64, Ordering};

/// Before any thread or WebKit process exists: the engine settings below (inherited by
/// WebKit's web process) and the app's own allocator.
pub fn tune() {
    for (name, value) in JAVASCRIPT_ENGINE {
        // A user's own setting is left as it is.
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets glibc's allocator parameters; called before other threads.
    unsafe {
        // One arena per thread (16 after launch) each kept its own freed pages: two arenas
        // hold what the threads free in common (−33 MB at 100k, no slower a list).
        libc::mallopt(libc::M_ARENA_MAX, 2);
        // A fixed threshold: glibc otherwise raises it after each large free, until 32 MB
        // buffers (a page of rows as JSON, the index's vectors) come from the arenas and
        // stay there; above 128 KiB they are mapped and unmapped on their own.
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// WebKit's caches sized for one local page rather than for browsing: its memory cache of
/// decoded resources and its back/forward page cache otherwise grow with the machine's RAM.
pub fn tune_webview<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    let _ = window.with_webview(|view| {
        use webkit2gtk::{WebContextExt, WebViewExt};
        if let Some(context) = view.inner().context() {
            context.set_cache_model(webkit2gtk::CacheModel::DocumentViewer);
        }
    });
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

/// JavaScriptCore options for the web process (`JSC_*` variables, read when it starts).
/// Its heap otherwise grows to 32 MB before its first full collection and doubles
/// between collections while under a quarter of the machine's RAM; the optimising DFG
/// tier's compiler memory stays with the process. Measured at 100k after the e2e's
/// scrolls and 30 keystrokes: web process 241 → 185 MB, keystroke p50 +5 ms.
const JAVASCRIPT_ENGINE: [(&str, &str); 2] = [
    ("JSC_largeHeapSize", "8388608"),
    ("JSC_smallHeapGrowthFactor", "1.3"),
];

/// Commands run since the process started ([`note_activity`]).
static ACTIVITY: AtomicU64 = AtomicU64::new(0);

/// Called for every command the page invokes.
pub fn note_activity() {
    ACTIVITY.fetch_add(1, Ordering::Relaxed);
}

/// Tells when the app has gone quiet after work, so the freed memory goes back then (and
/// not after every command, nor again and again while it idles).
#[derive(Default)]
pub struct Quiet {
    seen: u64,
    trimmed: u64,
}

impl Quiet {
    /// True once per burst of commands: on the first check with none since the last one.
    pub fn settled(&mut self) -> bool {
        let now = ACTIVITY.load(Ordering::Relaxed);
        let quiet = now == self.seen && now != self.trimmed;
        self.seen = now;
        if quiet {
            self.trimmed = now;
        }
        quiet
    }
}

/// Hands the heap's free pages back to the system: glibc keeps what a burst freed for
/// reuse, and an app that then idles all day would hold it all day.
pub fn return_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists, under its locks.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_once_per_burst_of_commands() {
        let mut quiet = Quiet::default();
        note_activity();
        assert!(!quiet.settled(), "a command ran during this tick");
        assert!(quiet.settled(), "none ran since");
        assert!(!quiet.settled(), "already trimmed for this burst");
        note_activity();
        note_activity();
        assert!(!quiet.settled());
        assert!(quiet.settled());
    }
}
