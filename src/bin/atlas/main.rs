//! `atlas`: the command line over the same engine and the same embedded index
//! as the browser app. One file a concern: [`args`] (commands and flags),
//! [`exit`] (how a command ends, and its exit status), [`output`] (printing,
//! and printing untrusted text), [`source`] (where a corpus is read),
//! [`progress`] (bars on stderr), [`read`] (commands that answer from an
//! index), [`corpus`] (places and dates), [`builder`] (check and build) and
//! [`tools`] (the builder's imports, evaluation and site finishing).

mod args;
mod builder;
mod corpus;
mod exit;
mod output;
mod progress;
mod read;
mod source;
mod tools;

use std::process::ExitCode;

use args::{Cli, Command};
use clap::{CommandFactory, Parser};
use exit::Outcome;
use output::printable;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Search(a) = &cli.command {
        if a.query.iter().all(|w| w.trim().is_empty()) {
            let mut command = Cli::command();
            let search = command.find_subcommand_mut("search").map(std::mem::take).unwrap_or_default();
            search
                .bin_name("atlas search")
                .error(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    "search needs a query, e.g. atlas search \"Hong Kong\" (see atlas search --help)",
                )
                .exit();
        }
    }
    match run(&cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let (message, code) = failure.status();
            if let Some(message) = message {
                eprintln!("atlas: {}", printable(&message));
            }
            ExitCode::from(code)
        }
    }
}

fn run(command: &Command) -> Outcome {
    match command {
        Command::Search(a) => read::cmd_search(a),
        Command::Docs(a) => read::cmd_docs(a),
        Command::Sections(a) => read::cmd_sections(a),
        Command::Places(a) => corpus::cmd_places(a),
        Command::Dates(a) => corpus::cmd_dates(a),
        Command::Check(a) => builder::cmd_check(a),
        Command::Build(a) => builder::cmd_build(a),
        Command::Generate(a) => tools::cmd_generate(a),
        Command::Eval(a) => tools::cmd_eval(a),
        Command::Gazetteer(g) => tools::cmd_gazetteer(g),
        Command::Basemap(b) => tools::cmd_basemap(b),
        Command::Site(a) => tools::cmd_site(a),
    }
}
