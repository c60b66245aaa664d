//! Work nobody is waiting for — the file's check, the book index's load, the daily backup —
//! runs on a thread of its own at the lowest CPU priority. On two cores the check (~1.4 s at
//! 100,000 customers) and the index's load, started as the first list is served, took half
//! a core from WebKit's first render and layout (docs/architecture.md, "Launch").

/// Runs `work` on a new thread named `name` at nice 19. Its own thread, not the blocking
/// pool: a pooled thread would keep the low priority for the commands it serves next (an
/// unprivileged process cannot raise it again).
pub fn spawn(name: &str, work: impl FnOnce() + Send + 'static) {
    let spawned = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            lower_priority();
            work()
        });
    if let Err(e) = spawned {
        tracing::warn!("could not start the {name} thread: {e}");
    }
}

#[cfg(target_os = "linux")]
fn lower_priority() {
    // SAFETY: setpriority on the calling thread's id; no memory is passed.
    let rc = unsafe { libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 19) };
    if rc != 0 {
        tracing::debug!(
            "background thread keeps its priority: {}",
            std::io::Error::last_os_error()
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_priority() {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    /// The calling thread's nice value (Linux keeps one per thread).
    fn current_nice() -> i32 {
        // SAFETY: getpriority reads the calling thread's priority; no memory is passed.
        unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t) }
    }

    #[test]
    fn background_work_runs_at_nice_19_and_leaves_the_caller_alone() {
        let before = current_nice();
        let (tx, rx) = std::sync::mpsc::channel();
        super::spawn("test-background", move || {
            let name = std::thread::current().name().map(str::to_owned);
            tx.send((current_nice(), name)).unwrap();
        });
        let (nice, name) = rx.recv().unwrap();
        assert_eq!(nice, 19);
        assert_eq!(name.as_deref(), Some("test-background"));
        assert_eq!(current_nice(), before);
    }
}
