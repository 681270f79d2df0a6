//! The import form: paste, or choose/drop files or a whole folder (text,
//! saved web pages, a backup of the user's articles); a date, optional
//! title and outlet. Each article is stored when it is added (see
//! `storage`), then the story is extracted once for the whole batch.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::{CorpusCtx, ImportsCtx, StatusCtx};
use crate::import::{self, FileKind, ImportForm, StoredArticle};
use crate::model::{self, Corpus};
use crate::schedule::{extract_in_steps, ExtractCtx};
use crate::story_file::{self, view::OpenedCtx};
use crate::{backup, storage, web, webpage};

/// The ids an article must not take: the story's articles and the imports.
fn taken_ids(corpus: RwSignal<Arc<Corpus>>, stored: &[StoredArticle]) -> Vec<String> {
    let mut taken: Vec<String> = corpus.with_untracked(|c| c.docs.iter().map(|d| d.id.clone()).collect());
    taken.extend(stored.iter().map(|a| a.id.clone()));
    taken
}

fn title_of(a: &StoredArticle) -> String {
    a.title.clone().unwrap_or_else(|| a.id.clone())
}

/// Extracts the story with `stored` as the imports, then reports on `added`
/// (and `notes`, e.g. errors of the batch).
fn extract_and_report(stored: Vec<StoredArticle>, added: Vec<String>, notes: Vec<String>, done: impl FnOnce() + 'static) {
    let CorpusCtx(corpus) = expect_context();
    let ImportsCtx(imports) = expect_context();
    let StatusCtx(status) = expect_context();
    let extract: ExtractCtx = expect_context();
    status.set(Some((false, format!("Extracting {} article(s)…", added.len()))));
    extract_in_steps(extract, stored.clone(), move |c| {
        let summary: Vec<String> = added
            .iter()
            .filter_map(|id| {
                let (d, a) = c.article(id)?;
                Some(format!("“{}” ({} quotes, {} dates)", model::display_title(d), a.quotes.len(), a.timexes.len()))
            })
            .collect();
        corpus.set(c);
        imports.set(stored);
        done();
        let msg = format!("Added {}. {}", summary.join(", "), notes.join(" "));
        status.set(Some((!notes.is_empty(), msg.trim().to_string())));
    });
}

/// A file read for import.
enum Loaded {
    /// An article to check (from a text file or a saved page), with its file name.
    Form(String, ImportForm),
    /// The articles of a backup.
    Backup(String, Vec<StoredArticle>),
    /// A story file (a JSON object, where a backup is a list): shown as it is.
    Story(web_sys::File),
}

/// Reads one chosen or dropped file.
async fn load_file(file: &web_sys::File) -> Result<Loaded, String> {
    let name = file.name();
    let kind = import::file_kind(&name)?;
    let size = file.size() as usize;
    let bytes = if size > import::max_file_bytes(kind) { Vec::new() } else { web::read_file(file).await.unwrap_or_default() };
    let text = import::file_text(&name, size, &bytes)?;
    match kind {
        FileKind::Text => Ok(Loaded::Form(name.clone(), ImportForm { text, title: import::file_title(&name), ..Default::default() })),
        FileKind::Page => {
            let parts = webpage::parts(&text).ok_or_else(|| format!("{name}: the browser could not read this page."))?;
            let mut form = webpage::page_form(&name, &parts)?;
            if form.title.is_empty() {
                form.title = import::file_title(&name);
            }
            Ok(Loaded::Form(name, form))
        }
        // A backup is a list; anything else is opened as a story (whose
        // reader says what is wrong with a file that is neither).
        FileKind::Backup if !text.trim_start().starts_with('[') => Ok(Loaded::Story(file.clone())),
        FileKind::Backup => Ok(Loaded::Backup(name.clone(), backup::parse_backup(&name, &text)?)),
    }
}

#[component]
pub fn ImportFormView() -> impl IntoView {
    let ImportsCtx(imports) = expect_context();
    let CorpusCtx(corpus) = expect_context();
    let StatusCtx(status) = expect_context();
    let extract: ExtractCtx = expect_context();
    let opened: OpenedCtx = expect_context();
    let open_story = story_file::view::opener();
    let form = RwSignal::new(ImportForm::default());
    let busy = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    // Extraction after an await needs the component's context.
    let owner = StoredValue::new(Owner::current().expect("a component has an owner"));

    // Checks and stores a batch of articles, each stored as soon as it is
    // checked (nothing is lost if the page closes mid-batch), then extracts
    // the story once for all of them.
    let run = {
        move |batch: Vec<ImportForm>| {
            if batch.is_empty() {
                return;
            }
            // An article is added to the user's own articles: show those again.
            opened.back(corpus);
            busy.set(true);
            leptos::task::spawn_local(async move {
                let mut stored = imports.get_untracked();
                let mut added: Vec<String> = Vec::new();
                let mut errors: Vec<String> = Vec::new();
                let many = batch.len() > 1;
                for (k, f) in batch.iter().enumerate() {
                    let label = if many { format!(" ({} of {})", k + 1, batch.len()) } else { String::new() };
                    status.set(Some((false, format!("Checking{label}…"))));
                    if k == 0 {
                        // Let the message paint.
                        web::sleep(30).await;
                    }
                    match import::prepare(f, &taken_ids(corpus, &stored)) {
                        Err(e) => errors.push(e),
                        Ok(article) => match storage::add(&article).await {
                            Ok(()) => {
                                added.push(article.id.clone());
                                stored.push(article);
                            }
                            Err(e) => errors.push(storage::quota_message(&title_of(&article), &e)),
                        },
                    }
                }
                if added.is_empty() {
                    busy.set(false);
                    status.set(Some((true, errors.join(" "))));
                    return;
                }
                owner.with_value(|o| o.clone()).with(|| {
                    extract_and_report(stored, added, errors, move || {
                        form.set(ImportForm::default());
                        busy.set(false);
                    })
                });
            });
        }
    };

    // Restores a backup: each article not already present is stored, then
    // the story is extracted once.
    let restore = {
        move |name: String, incoming: Vec<StoredArticle>| {
            opened.back(corpus);
            busy.set(true);
            leptos::task::spawn_local(async move {
                let mut stored = imports.get_untracked();
                let embedded: Vec<String> = corpus.with_untracked(|c| c.docs.iter().map(|d| d.id.clone()).collect());
                let plan = backup::restore(&stored, &embedded, incoming);
                let mut notes = Vec::new();
                if !plan.duplicates.is_empty() {
                    notes.push(format!("Already here, not added again: {}.", plan.duplicates.iter().map(|t| format!("“{t}”")).collect::<Vec<_>>().join(", ")));
                }
                let mut added = Vec::new();
                let mut failed = false;
                for a in plan.added {
                    match storage::add(&a).await {
                        Ok(()) => {
                            added.push(a.id.clone());
                            stored.push(a);
                        }
                        Err(e) => {
                            failed = true;
                            notes.push(storage::quota_message(&title_of(&a), &e));
                        }
                    }
                }
                if added.is_empty() {
                    busy.set(false);
                    let text = if notes.is_empty() { format!("{name} holds no articles.") } else { notes.join(" ") };
                    status.set(Some((failed, text)));
                    return;
                }
                owner.with_value(|o| o.clone()).with(|| extract_and_report(stored, added, notes, move || busy.set(false)));
            });
        }
    };

    let files = move |list: Option<web_sys::FileList>| {
        let Some(list) = list else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut forms: Vec<(String, ImportForm)> = Vec::new();
            let mut backups: Vec<StoredArticle> = Vec::new();
            let mut backup_name = String::new();
            let mut errors: Vec<String> = Vec::new();
            let folder = files.len() > 1;
            for f in &files {
                match load_file(f).await {
                    Ok(Loaded::Story(file)) if files.len() == 1 => return open_story(file),
                    Ok(Loaded::Story(_)) => errors.push(format!("{}: open one story .json file at a time, without articles.", f.name())),
                    Ok(Loaded::Form(name, form)) => forms.push((name, form)),
                    Ok(Loaded::Backup(name, articles)) => {
                        backup_name = name;
                        backups.extend(articles);
                    }
                    // A folder holds images and the like: those are skipped quietly.
                    Err(_) if folder && import::file_kind(&f.name()).is_err() => {}
                    Err(e) => errors.push(e),
                }
            }
            if !errors.is_empty() {
                status.set(Some((true, errors.join(" "))));
            }
            if !backups.is_empty() || !backup_name.is_empty() {
                restore(backup_name, backups);
            }
            if forms.len() == 1 {
                // One article: fill the form, so the date and title can be checked.
                let (name, loaded) = forms.pop().unwrap();
                form.update(|f| {
                    let keep = |mine: &mut String, theirs: String| {
                        if !theirs.trim().is_empty() || mine.trim().is_empty() {
                            *mine = theirs;
                        }
                    };
                    f.text = loaded.text;
                    f.url = loaded.url;
                    keep(&mut f.title, loaded.title);
                    keep(&mut f.date, loaded.date);
                    keep(&mut f.outlet, loaded.outlet);
                });
                if errors.is_empty() {
                    status.set(Some((false, format!("Loaded {name}: check the date, then add it."))));
                }
            } else if forms.len() > 1 {
                // Several: each keeps what its file says; the form fills the gaps.
                let base = form.get_untracked();
                let batch = forms
                    .into_iter()
                    .map(|(_, f)| ImportForm {
                        date: if f.date.is_empty() { base.date.clone() } else { f.date },
                        outlet: if f.outlet.is_empty() { base.outlet.clone() } else { f.outlet },
                        ..f
                    })
                    .collect();
                run(batch);
            }
        });
    };

    view! {
        <form class="import-form" novalidate aria-labelledby="import-h" aria-busy=move || if busy.get() { "true" } else { "false" }
            on:submit=move |ev| {
                ev.prevent_default();
                if !busy.get_untracked() && !extract.running() {
                    run(vec![form.get_untracked()]);
                }
            }>
            <h2 id="import-h">"Add your own article"</h2>
            <p class="hint">"It is extracted here, in your browser, merged into the story and kept in this browser until you remove it."</p>
            <label class="field">
                <span>"Article text"</span>
                <textarea data-testid="import-text" rows="7" placeholder="Paste the article here"
                    prop:value=move || form.with(|f| f.text.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.text = v); }></textarea>
            </label>
            <div class="drop" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    files(ev.data_transfer().and_then(|d| d.files()));
                }>
                <span>"Drop .txt, .md or saved web pages (.html) here, or "</span>
                <label class="file-label">
                    "choose files"
                    <input type="file" class="file-input" data-testid="import-file" multiple
                        accept=".txt,.md,.html,.htm,.json,text/plain,text/markdown,text/html,application/json"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            files(input.files());
                            input.set_value("");
                        } />
                </label>
                <span>" or "</span>
                <label class="file-label">
                    "a folder"
                    <input type="file" class="file-input" data-testid="import-folder" prop:webkitdirectory=true
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            files(input.files());
                            input.set_value("");
                        } />
                </label>
                <span>". A backup (.json) of your articles restores them."</span>
            </div>
            <p class="hint">"A story .json (from “dateline extract --text”, “merge --text” or the Spark job) opens as it is, without extracting, until you go back to your articles."</p>
            <div class="row">
                <label class="field">
                    <span>"Publication date (required)"</span>
                    <input type="date" data-testid="import-date" required
                        prop:value=move || form.with(|f| f.date.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.date = v); } />
                </label>
                <label class="field">
                    <span>"Title (optional)"</span>
                    <input type="text" data-testid="import-title"
                        prop:value=move || form.with(|f| f.title.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.title = v); } />
                </label>
                <label class="field">
                    <span>"Outlet (optional)"</span>
                    <input type="text" data-testid="import-outlet"
                        prop:value=move || form.with(|f| f.outlet.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.outlet = v); } />
                </label>
            </div>
            <div class="row end">
                <button type="submit" class="primary" data-testid="import-submit" disabled=move || busy.get() || extract.running()>
                    {move || if busy.get() { "Extracting…" } else { "Add to the story" }}
                </button>
            </div>
            <p class="status" data-testid="import-status" role="status" aria-live="polite"
                class:error=move || status.with(|s| s.as_ref().is_some_and(|s| s.0))>
                {move || status.with(|s| s.as_ref().map(|s| s.1.clone()).unwrap_or_default())}
            </p>
        </form>
    }
}
