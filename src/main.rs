//! The `dkr` binary: parse, run, exit. All logic is in the library.

fn main() {
    let code = dkr::run_main(std::env::args_os().collect());
    std::process::exit(code);
}
