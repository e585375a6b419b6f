//! `atlas`: the command line over the same engine and the same embedded index
//! as the browser app. One file a concern: [`args`] (commands and flags),
//! [`exit`] (how a command ends, and its exit status), [`output`] (printing,
//! and printing untrusted text), [`source`] (where a corpus is read),
//! [`progress`] (bars on stderr, and [`memory`] returned between stages), [`read`] (commands that answer from an
//! index), [`research`] (concordance, trends, collocates, terms, summary),
//! [`corpus`] (places and dates), [`builder`] (check and build), [`site`]
//! (making and serving a site) and [`tools`] (the builder's imports and
//! evaluation).

mod args;
mod builder;
mod corpus;
mod exit;
mod fingerprint;
mod memory;
mod output;
mod progress;
mod read;
mod research;
mod site;
mod source;
mod tools;

use std::process::ExitCode;

use args::{Cli, Command};
use clap::{CommandFactory, Parser};
use exit::Outcome;
use output::printable;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some((name, query)) = query_of(&cli.command) {
        if query.iter().all(|w| w.trim().is_empty()) {
            let mut command = Cli::command();
            let sub = command.find_subcommand_mut(name).map(std::mem::take).unwrap_or_default();
            sub.bin_name(format!("atlas {name}"))
                .error(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    format!("{name} needs a query, e.g. atlas {name} word or atlas {name} \"two words\" (see atlas {name} --help)"),
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

/// The name and query words of a command that takes a query.
fn query_of(command: &Command) -> Option<(&'static str, &[String])> {
    match command {
        Command::Search(a) => Some(("search", &a.query)),
        Command::Concordance(a) => Some(("concordance", &a.query.query)),
        Command::Trends(a) => Some(("trends", &a.query)),
        Command::Collocates(a) => Some(("collocates", &a.query.query)),
        _ => None,
    }
}

fn run(command: &Command) -> Outcome {
    match command {
        Command::Search(a) => read::cmd_search(a),
        Command::Docs(a) => read::cmd_docs(a),
        Command::Sections(a) => read::cmd_sections(a),
        Command::Places(a) => corpus::cmd_places(a),
        Command::Dates(a) => corpus::cmd_dates(a),
        Command::Concordance(a) => research::cmd_concordance(a),
        Command::Trends(a) => research::cmd_trends(a),
        Command::Collocates(a) => research::cmd_collocates(a),
        Command::Terms(a) => research::cmd_terms(a),
        Command::Summary(a) => research::cmd_summary(a),
        Command::Check(a) => builder::cmd_check(a),
        Command::Build(a) => builder::cmd_build(a),
        Command::Generate(a) => tools::cmd_generate(a),
        Command::Eval(a) => tools::cmd_eval(a),
        Command::Gazetteer(g) => tools::cmd_gazetteer(g),
        Command::Basemap(b) => tools::cmd_basemap(b),
        Command::Site(a) => site::cmd_site(a),
        Command::Serve(a) => site::cmd_serve(a),
    }
}
