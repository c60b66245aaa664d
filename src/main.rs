//! `clientele`: the command-line face of the core. See `clientele --help`.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
