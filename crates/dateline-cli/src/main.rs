//! `dateline`: the engine on the command line.
//!
//! ```text
//! dateline extract [--published YYYY-MM-DD] [--jobs N] [--text] PATH...
//! dateline extract --jsonl [--jobs N] [--strict] [FILE...]
//! dateline merge [--stories] [--text] [--strict] [FILE...]
//! dateline bench [--jobs N] [PATH]
//! ```
//!
//! `extract` prints one JSON document (the contract in DESIGN.md) to stdout.
//! PATH is an article file (plain text, or the project's format with a header)
//! or a folder of them (`.txt` and `.md`, sorted by name). Errors go to
//! stderr, one line, with a non-zero exit. `--jobs N` runs the per-article
//! stages on N threads (default: every core); the output is the same.
//! `--text` puts each article's body in the story (`articles[].text`), so
//! that the story opens without its files.
//!
//! `extract --jsonl` reads JSON Lines of articles (`{"id", "title",
//! "outlet", "url", "published", "body"}`) from the files, or stdin, and
//! writes one line per article: its per-article extraction, streaming.
//! `merge` reads such lines and writes the story; with `--stories`, the
//! articles grouped into stories and one story per line (JSON Lines), each
//! merged on its own. A bad line is reported
//! with its file and line number and skipped (exit status 1 at the end);
//! `--strict` stops at the first.
//!
//! `bench` runs the pipeline natively over every article of the CSV files
//! (`url,date,title,text`, RFC 4180) in PATH (a file or a folder; default
//! `../shared/data/wikinews-sample`) and prints throughput: MB/s on one
//! thread, articles per second on 1 and N threads, and the merge.

mod bench;
mod files;
mod jsonl;
mod parallel;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use dateline_core::story::{extract_article, Story};
use dateline_core::Date;

const USAGE: &str = "usage: dateline extract [--published YYYY-MM-DD] [--jobs N] [--text] PATH... | dateline extract --jsonl [--jobs N] [--strict] [FILE...] | dateline merge [--stories] [--text] [--strict] [FILE...] | dateline bench [--jobs N] [PATH]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("dateline: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Skipped(message)) => {
            eprintln!("dateline: {message}");
            ExitCode::from(1)
        }
    }
}

/// Why a run failed: it could not run (exit 2), or it ran past bad lines (exit 1).
enum Failure {
    Usage(String),
    Skipped(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Usage(message)
    }
}

/// The command line after the command's name.
#[derive(Debug, Default, PartialEq)]
struct Options {
    published: Option<Date>,
    jobs: Option<usize>,
    jsonl: bool,
    strict: bool,
    text: bool,
    stories: bool,
    paths: Vec<PathBuf>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut o = Options::default();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
                _ => (arg.as_str(), None),
            };
            let mut value = |what: &str| inline.clone().or_else(|| it.next().cloned()).ok_or(format!("{flag} needs {what}"));
            match flag {
                "--published" => o.published = Some(Date::parse(&value("a date (YYYY-MM-DD)")?).map_err(|e| format!("--published: {e}"))?),
                "--jobs" | "-j" => {
                    let n = value("a number of threads")?;
                    o.jobs = Some(n.parse().ok().filter(|&n| n >= 1).ok_or(format!("--jobs: {n:?} is not a number of threads (1 or more)"))?);
                }
                "--jsonl" => o.jsonl = true,
                "--strict" => o.strict = true,
                "--text" => o.text = true,
                "--stories" => o.stories = true,
                flag if flag.starts_with('-') && flag.len() > 1 => return Err(format!("unknown option {flag:?}; {USAGE}")),
                path => o.paths.push(PathBuf::from(path)),
            }
        }
        Ok(o)
    }

    fn jobs(&self) -> usize {
        self.jobs.unwrap_or_else(parallel::default_jobs)
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    let options = || Options::parse(&args[1..]);
    match args.first().map(String::as_str) {
        Some("extract") if options()?.jsonl => cmd_extract_jsonl(options()?),
        Some("extract") => cmd_extract(options()?),
        Some("merge") => cmd_merge(options()?),
        Some("bench") => {
            let o = options()?;
            let path = o.paths.first().cloned().unwrap_or_else(|| PathBuf::from("../shared/data/wikinews-sample"));
            Ok(bench::run(&path, o.jobs())?)
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}; {USAGE}").into()),
        None => Err(USAGE.to_string().into()),
    }
}

fn cmd_extract(o: Options) -> Result<(), Failure> {
    if o.paths.is_empty() {
        return Err(format!("no article given; {USAGE}").into());
    }
    if o.strict || o.stories {
        return Err("--strict goes with --jsonl, --stories with merge".to_string().into());
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for path in &o.paths {
        files::collect_files(path, &mut files)?;
    }
    // Files are read and extracted on the threads too; the first bad file (in order) is the error.
    let work: Vec<(&PathBuf, String)> = files.iter().zip(files::ids(&files)).collect();
    let articles = parallel::map(&work, o.jobs(), |(file, id)| {
        let mut article = extract_article(&files::load(file, o.published, id.clone())?);
        article.path = file.display().to_string();
        Ok::<_, String>(article)
    });
    let articles = articles.into_iter().collect::<Result<Vec<_>, String>>()?;
    write_story(&jsonl::story(&articles, o.text))
}

fn cmd_extract_jsonl(o: Options) -> Result<(), Failure> {
    if o.published.is_some() || o.text || o.stories {
        return Err("--published, --text and --stories do not go with --jsonl: each line carries its date and body; merge groups stories".to_string().into());
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let report = jsonl::extract(&o.paths, o.jobs(), o.strict, &mut out)?;
    report.result().map_err(Failure::Skipped)
}

fn cmd_merge(o: Options) -> Result<(), Failure> {
    if o.published.is_some() || o.jsonl || o.jobs.is_some() {
        return Err(format!("merge takes --stories, --text and --strict; {USAGE}").into());
    }
    let (articles, report) = jsonl::read_extractions(&o.paths, o.strict)?;
    if articles.is_empty() {
        return Err("no article extraction read".to_string().into());
    }
    if o.stories {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        for story in jsonl::stories(&articles, o.text) {
            serde_json::to_writer(&mut out, &story).map_err(|e| format!("writing JSON: {e}"))?;
            writeln!(out).map_err(|e| format!("writing JSON: {e}"))?;
        }
        out.flush().map_err(|e| format!("writing JSON: {e}"))?;
    } else {
        write_story(&jsonl::story(&articles, o.text))?;
    }
    report.result().map_err(Failure::Skipped)
}

fn write_story(story: &Story) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    serde_json::to_writer(&mut out, story).map_err(|e| format!("writing JSON: {e}"))?;
    writeln!(out).and_then(|()| out.flush()).map_err(|e| format!("writing JSON: {e}").into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        Options::parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn options_take_values_inline_or_next() {
        let o = parse(&["--jobs", "3", "--published=2020-01-02", "a.txt", "--text", "b"]).unwrap();
        assert_eq!(o.jobs, Some(3));
        assert_eq!(o.published, Date::new(2020, 1, 2));
        assert!(o.text && !o.jsonl && !o.strict);
        assert_eq!(o.paths, [PathBuf::from("a.txt"), PathBuf::from("b")]);
        assert_eq!(parse(&["-j=2"]).unwrap_err(), "unknown option \"-j=2\"; ".to_string() + USAGE);
        assert!(parse(&["--jobs", "0"]).unwrap_err().contains("1 or more"));
        assert!(parse(&["--jobs"]).unwrap_err().contains("needs"));
        assert!(parse(&["--wat"]).unwrap_err().contains("unknown option"));
    }
}
