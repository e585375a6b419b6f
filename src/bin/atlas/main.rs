//! `atlas`: the command line over the same engine and the same embedded index
//! as the browser app. One file a concern: [`args`] (usage and flags),
//! [`output`] (printing untrusted text), [`read`] (commands that answer from
//! an index), [`corpus`] (commands that read a corpus folder) and [`tools`]
//! (the builder's imports, evaluation and site finishing).

mod args;
mod corpus;
mod output;
mod read;
mod tools;

use args::{flags, USAGE};
use corpus::{cmd_build, cmd_check, cmd_dates, cmd_places};
use output::printable;
use read::{cmd_docs, cmd_search, cmd_sections};
use tools::{cmd_basemap, cmd_eval, cmd_gazetteer, cmd_generate, cmd_site};

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("atlas: {}", printable(&message));
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let Some((command, rest)) = args.split_first() else {
        println!("{USAGE}");
        return Ok(());
    };
    match command.as_str() {
        "search" => cmd_search(&flags(rest)?),
        "docs" => cmd_docs(&flags(rest)?),
        "sections" => cmd_sections(&flags(rest)?),
        "places" => cmd_places(&flags(rest)?),
        "dates" => cmd_dates(&flags(rest)?),
        "check" => cmd_check(&flags(rest)?),
        "build" => cmd_build(&flags(rest)?),
        "site" => cmd_site(&flags(rest)?),
        "generate" => cmd_generate(rest),
        "eval" => cmd_eval(&flags(rest)?),
        "gazetteer" => cmd_gazetteer(&flags(rest)?),
        "basemap" => cmd_basemap(&flags(rest)?),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    }
}
