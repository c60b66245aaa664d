//! `clientele`: the command-line face of the core. See `clientele --help`.

mod cli;

fn main() {
    // Rust ignores SIGPIPE, so printing into a closed pipe (`clientele customers | head`)
    // panicked; the default action ends the process quietly, as other Unix tools do.
    #[cfg(unix)]
    // SAFETY: set before any other thread exists; SIG_DFL is a valid disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    std::process::exit(cli::run());
}
