//! The components. State is shared through context newtypes ([`CorpusCtx`],
//! [`ViewCtx`], [`ImportsCtx`], [`StatusCtx`], and `schedule`'s
//! [`ExtractCtx`] and [`RenderQueue`], `story_file`'s `OpenedCtx` for a
//! story file shown in place of the user's corpus); every view model comes from `model`,
//! so components only lay out what it computed. The engine runs in short
//! steps and long lists render in chunks, so the page never freezes. Article
//! text is always rendered as text nodes, never as HTML.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::import::StoredArticle;
use crate::import_form::ImportFormView;
use crate::{backup, export, storage};
use crate::model::{self, Corpus, Diff, QuoteView, SpeakerPanel, TimelineItem};
use crate::schedule::{extract_in_steps, Chunked, ExtractCtx, RenderQueue};
use crate::state::{Selection, ViewState};
use crate::story_file::view::{OpenedCtx, StoryBanner};
use crate::web;

/// The documents and their story; replaced whenever imports change.
#[derive(Clone, Copy)]
pub struct CorpusCtx(pub RwSignal<Arc<Corpus>>);

/// The view state mirrored in the URL hash.
#[derive(Clone, Copy)]
pub struct ViewCtx(pub RwSignal<ViewState>);

/// The user's imported articles (as stored).
#[derive(Clone, Copy)]
pub struct ImportsCtx(pub RwSignal<Vec<StoredArticle>>);

/// Whether a selection is the current one: only the items whose answer
/// changes are notified, not every item of a long story.
#[derive(Clone)]
pub struct SelectionCtx(pub Selector<Option<Selection>>);

/// A message about importing: (is it an error, text).
#[derive(Clone, Copy)]
pub struct StatusCtx(pub RwSignal<Option<(bool, String)>>);

/// Sets the view state and records it in the URL: a new history entry when
/// `push` (selection, menus), else the current one is replaced (typing).
fn navigate(view: RwSignal<ViewState>, next: ViewState, push: bool) {
    if view.with_untracked(|v| *v == next) {
        return;
    }
    web::set_hash(&next.to_hash(), push);
    view.set(next);
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let corpus = RwSignal::new(Arc::new(Corpus::empty()));
    let imports = RwSignal::new(Vec::new());
    let view = RwSignal::new(ViewState::from_hash(&web::hash()));
    let status = RwSignal::new(None);
    let extract = ExtractCtx::new();
    let queue = RenderQueue::new();
    provide_context(CorpusCtx(corpus));
    provide_context(ViewCtx(view));
    provide_context(ImportsCtx(imports));
    provide_context(StatusCtx(status));
    provide_context(extract);
    provide_context(queue);
    provide_context(SelectionCtx(Selector::new(move || view.with(|v| v.selection.clone()))));
    let opened = OpenedCtx::new();
    provide_context(opened);
    // The user's articles come from IndexedDB (and the old localStorage
    // store, moved in on first load); then the engine reads everything.
    extract.progress.set(Some("Opening your articles…".into()));
    leptos::task::spawn_local(async move {
        let (stored, messages) = storage::load().await;
        if !messages.is_empty() {
            status.set(Some((true, messages.join(" "))));
        }
        imports.set(stored.clone());
        extract_in_steps(extract, stored, move |c| corpus.set(c));
    });
    // Everything extracted and on the page (tests and benchmarks wait for it).
    let settled = Memo::new(move |_| !extract.running() && !queue.busy());

    // Back/Forward and edited links: the hash is the truth.
    let sync = move || {
        let next = ViewState::from_hash(&web::hash());
        if view.with_untracked(|v| *v != next) {
            view.set(next);
        }
    };
    let h1 = window_event_listener(leptos::ev::hashchange, move |_| sync());
    let h2 = window_event_listener(leptos::ev::popstate, move |_| sync());
    on_cleanup(move || {
        h1.remove();
        h2.remove();
    });

    // Bring the selected sentences into view when the selection changes,
    // once they are on the page.
    let scrolled_to: StoredValue<Option<Selection>> = StoredValue::new(None);
    Effect::new(move |_| {
        let selection = view.with(|v| v.selection.clone());
        let settled = settled.get();
        if selection.is_none() {
            scrolled_to.set_value(None);
        } else if settled && scrolled_to.get_value() != selection {
            scrolled_to.set_value(selection);
            request_animation_frame(web::scroll_to_selected);
        }
    });

    view! {
        <a class="skip" href="#reader">"Skip to the articles"</a>
        <Masthead />
        <Filters />
        <p class="progress" role="status" aria-live="polite" hidden=move || !extract.running()>
            {move || extract.progress.get().unwrap_or_default()}
        </p>
        <StoryBanner />
        <div class="layout" data-testid="layout" data-settled=move || settled.get().to_string()
            data-engine=move || extract.engine.get()
            aria-busy=move || (!settled.get()).to_string()>
            <section class="col timeline-col" aria-labelledby="timeline-h">
                <TimelineView />
            </section>
            <main class="col reader-col" id="reader" tabindex="-1" aria-labelledby="reader-h">
                <ReaderView />
            </main>
            <aside class="col speakers-col" aria-labelledby="speakers-h">
                <SpeakersView />
            </aside>
        </div>
        <footer class="footer">
            <p>"Extracted in your browser by Dateline's engine (or elsewhere, for a story file). Every item links to the sentences it comes from."</p>
        </footer>
    }
}

/// The header: name, import, export and the theme toggle.
#[component]
fn Masthead() -> impl IntoView {
    let dark = RwSignal::new(web::initial_dark());
    Effect::new(move |_| web::apply_theme(dark.get()));
    let CorpusCtx(corpus) = expect_context();
    let ImportsCtx(imports) = expect_context();
    let save = move |name: &str, mime: &str, f: fn(&Corpus) -> String| {
        let text = corpus.with_untracked(|c| f(c));
        web::download(name, mime, &text);
    };
    view! {
        <header class="masthead">
            <div class="brand">
                <h1>"Dateline"</h1>
                <p class="tagline">"What happened when, and who said what — checked against the text."</p>
            </div>
            <div class="tools">
                <details class="menu import-menu">
                    <summary>"Add an article"</summary>
                    <div class="menu-body import-body">
                        <ImportFormView />
                    </div>
                </details>
                <details class="menu">
                    <summary>"Export"</summary>
                    <div class="menu-body export-body" role="group" aria-label="Export">
                        <button type="button" data-testid="export-json"
                            on:click=move |_| save("dateline-story.json", "application/json", export::story_json)>
                            "Story (JSON, as the CLI)"
                        </button>
                        <button type="button" data-testid="export-csv"
                            on:click=move |_| save("dateline-quotes.csv", "text/csv", export::quotes_csv)>
                            "Quotes (CSV)"
                        </button>
                        <button type="button" data-testid="export-timelinejs"
                            on:click=move |_| save("dateline-timelinejs.json", "application/json", export::timeline_js)>
                            "Timeline (TimelineJS)"
                        </button>
                        <button type="button" data-testid="export-backup" disabled=move || imports.with(Vec::is_empty)
                            on:click=move |_| web::download(backup::FILE_NAME, "application/json", &imports.with_untracked(|a| backup::to_backup(a)))>
                            "My articles (backup)"
                        </button>
                    </div>
                </details>
                <button type="button" class="theme" data-testid="theme-toggle"
                    aria-pressed=move || if dark.get() { "true" } else { "false" }
                    on:click=move |_| {
                        let d = !dark.get_untracked();
                        dark.set(d);
                        web::store_theme(d);
                    }>
                    <span aria-hidden="true">{move || if dark.get() { "☾ " } else { "☀ " }}</span>
                    "Dark theme"
                </button>
            </div>
        </header>
    }
}

/// How long typing must pause before the search applies.
const SEARCH_PAUSE: Duration = Duration::from_millis(200);

/// Search and the speaker, entity and outlet menus; all kept in the URL.
#[component]
fn Filters() -> impl IntoView {
    // Keystrokes in the search box, to act on the last one only.
    let typing = StoredValue::new(0u64);
    let CorpusCtx(corpus) = expect_context();
    let queue: RenderQueue = expect_context();
    // Rebuilt in a turn of its own, before the timeline: the menus show the
    // filters the URL holds (their long lists of options come later).
    let corpus = queue.staged(corpus, false);
    let ViewCtx(view) = expect_context();
    let options = Memo::new(move |_| corpus.with(|c| model::filter_options(c)));
    let set = move |f: &dyn Fn(&mut ViewState), push: bool| {
        let mut next = view.get_untracked();
        f(&mut next);
        navigate(view, next, push);
    };
    let menu = move |label: &'static str, all: &'static str, id: &'static str, pick: fn(&model::FilterOptions) -> Vec<model::FilterOption>, get: fn(&ViewState) -> Option<String>, put: fn(&mut ViewState, Option<String>)| {
        view! {
            <label class="field">
                <span>{label}</span>
                <select id=id
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set(&|s: &mut ViewState| put(s, (!v.is_empty()).then(|| v.clone())), true);
                    }
                    prop:value=move || view.with(|v| get(v).unwrap_or_default())>
                    <option value="">{all}</option>
                    {move || {
                        let current = view.with(get);
                        let option = move |o: model::FilterOption| {
                            let sel = current.as_deref() == Some(o.value.as_str());
                            view! { <option value=o.value selected=sel>{o.label}</option> }
                        };
                        // A story of many articles has thousands of entities.
                        view! { <Chunked rows=options.with(|o| pick(o)) first=100 chunk=300 cost=1 render=option background=true /> }
                    }}
                </select>
            </label>
        }
    };
    view! {
        <search class="filters">
            <form role="search" aria-label="Search and filters" on:submit=|ev| ev.prevent_default()>
                <label class="field grow">
                    <span>"Search"</span>
                    <input type="search" data-testid="search" placeholder="Words in events, quotes, sentences"
                        prop:value=move || view.with(|v| v.query.clone())
                        on:input=move |ev| {
                            // Filter once typing pauses: each search rebuilds the lists.
                            let q = event_target_value(&ev);
                            let n = typing.get_value() + 1;
                            typing.set_value(n);
                            set_timeout(
                                move || {
                                    if typing.try_get_value() == Some(n) {
                                        set(&|s: &mut ViewState| s.query = q.clone(), false);
                                    }
                                },
                                SEARCH_PAUSE,
                            );
                        } />
                </label>
                {menu("Speaker", "All speakers", "f-speaker", |o| o.speakers.clone(), |v| v.speaker.clone(), |v, x| v.speaker = x)}
                {menu("Entity", "All entities", "f-entity", |o| o.entities.clone(), |v| v.entity.clone(), |v, x| v.entity = x)}
                {menu("Outlet", "All outlets", "f-outlet", |o| o.outlets.clone(), |v| v.outlet.clone(), |v, x| v.outlet = x)}
                <button type="button" class="clear" data-testid="clear-filters"
                    disabled=move || view.with(|v| !v.filtered() && v.selection.is_none())
                    on:click=move |_| navigate(view, ViewState::default(), true)>
                    "Clear"
                </button>
            </form>
        </search>
    }
}

// ---------------------------------------------------------------- timeline

/// The timeline column: dated groups, then the background.
#[component]
fn TimelineView() -> impl IntoView {
    let CorpusCtx(corpus) = expect_context();
    let queue: RenderQueue = expect_context();
    // Rebuilt in a turn of its own, after the engine's last step.
    let corpus = queue.staged(corpus, false);
    let ViewCtx(view) = expect_context();
    let filters = Memo::new(move |_| view.with(|v| ViewState { selection: None, ..v.clone() }));
    let timeline = Memo::new(move |_| {
        let f = filters.get();
        corpus.with(|c| model::timeline(c, &f))
    });
    view! {
        <h2 id="timeline-h">"Timeline"</h2>
        <p class="count" aria-live="polite">
            {move || timeline.with(|t| {
                let shown: usize = t.days.iter().map(|d| d.items.len()).sum::<usize>() + t.background.len();
                if shown == t.total { format!("{} items, each with its evidence", t.total) } else { format!("{shown} of {} items match", t.total) }
            })}
        </p>
        {move || timeline.with(|t| {
            if t.days.is_empty() && t.background.is_empty() {
                let text = if corpus.with(|c| c.docs.is_empty()) { "Reading the articles…" } else { "Nothing matches these filters." };
                return view! { <p class="empty">{text}</p> }.into_any();
            }
            let day = |g: model::DayGroup| view! {
                <li class="day" class:uncertain=g.uncertain>
                    <h3 class="day-h">
                        {g.uncertain.then(|| view! { <span class="sr-only">"Uncertain date: "</span> })}
                        {g.heading}
                    </h3>
                    <ol class="items">
                        <Chunked rows=g.items first=20 chunk=20 cost=ITEM_COST render=|item| view! { <TimelineEntry item /> } />
                    </ol>
                </li>
            };
            // A day: its items (rendered with it, up to 20), about four in news.
            view! {
                <ol class="days">
                    <Chunked rows=t.days.clone() first=3 chunk=3 cost=4 * ITEM_COST render=day />
                </ol>
                {(!t.background.is_empty()).then(|| view! {
                    <h3 class="background-h">"Background"</h3>
                    <p class="hint">"Undated context the articles mention."</p>
                    <ol class="items background">
                        <Chunked rows=t.background.clone() first=10 chunk=20 cost=ITEM_COST render=|item| view! { <TimelineEntry item /> } />
                    </ol>
                })}
            }.into_any()
        })}
    }
}

/// Render costs (about the DOM elements) of a timeline item, a quote and a
/// reader sentence, for [`Chunked`].
const ITEM_COST: usize = 12;
const QUOTE_COST: usize = 20;
const SENTENCE_COST: usize = 6;

/// One timeline item: a button that selects it, and when selected its
/// evidence and how its time was found.
///
/// - `item`: the item to show.
#[component]
fn TimelineEntry(item: TimelineItem) -> impl IntoView {
    let ViewCtx(view) = expect_context();
    let SelectionCtx(selector) = expect_context();
    let id = item.id.clone();
    let selected = {
        let key = Some(Selection::Event(id.clone()));
        Memo::new(move |_| selector.selected(&key))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            let mut next = view.get_untracked();
            next.selection = if selected.get_untracked() { None } else { Some(Selection::Event(id.clone())) };
            navigate(view, next, true);
        }
    };
    let sources = item.outlets.len();
    let panel_id = format!("ev-{id}");
    let evidence = item.evidence.clone();
    let note = item.note.clone();
    let outlets = item.outlets.join(", ");
    view! {
        <li class="item" data-testid="timeline-item" data-id=id.clone() data-date=item.value.clone() data-sources=sources
            class:selected=move || selected.get() class:uncertain=item.uncertain>
            <button type="button" class="item-btn" aria-expanded=move || if selected.get() { "true" } else { "false" }
                aria-controls=panel_id.clone() on:click=toggle>
                <span class="when" class:uncertain=item.uncertain>{item.when.clone()}</span>
                <span class="label">{item.label.clone()}</span>
                {(!item.participants.is_empty()).then(|| view! {
                    <span class="participants">{item.participants.join(" · ")}</span>
                })}
                <span class="badge" title=format!("Reported by {outlets}")>
                    {sources} <span class="badge-word">{if sources == 1 { " outlet" } else { " outlets" }}</span>
                </span>
            </button>
            <div id=panel_id class="evidence" hidden=move || !selected.get()>
                {move || selected.get().then(|| view! {
                    <p class="note"><span class="note-h">"How the date was found: "</span>{note.clone()}</p>
                    <ul class="evidence-list">
                        {evidence.iter().cloned().map(|e| view! {
                            <li>
                                <span class="outlet-badge">{e.outlet}</span>
                                <blockquote>{e.text}</blockquote>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
        </li>
    }
}

// ---------------------------------------------------------------- speakers

/// The speaker panels, most quoted first.
#[component]
fn SpeakersView() -> impl IntoView {
    let CorpusCtx(corpus) = expect_context();
    let queue: RenderQueue = expect_context();
    // Rebuilt in a turn of its own, once the timeline is on the page.
    let corpus = queue.staged(corpus, true);
    let ViewCtx(view) = expect_context();
    let filters = Memo::new(move |_| view.with(|v| ViewState { selection: None, ..v.clone() }));
    let panels = Memo::new(move |_| {
        let f = filters.get();
        corpus.with(|c| model::speaker_panels(c, &f))
    });
    view! {
        <h2 id="speakers-h">"Who said what"</h2>
        {move || panels.with(|p| {
            if p.is_empty() {
                let any = corpus.with(|c| c.story.articles.iter().any(|a| !a.quotes.is_empty()));
                let loading = corpus.with(|c| c.docs.is_empty());
                let text = if loading {
                    "Reading the articles…"
                } else if any {
                    "No quotes match these filters."
                } else {
                    "No quotes found in these articles yet."
                };
                return view! { <p class="empty">{text}</p> }.into_any();
            }
            view! {
                // After the timeline: a long story has hundreds of speakers.
                <Chunked rows=p.clone() first=3 chunk=2 cost=8 * QUOTE_COST render=|panel| view! { <SpeakerPanelView panel /> } background=true />
            }
            .into_any()
        })}
    }
}

/// One speaker: who they are, then their quotes by article.
///
/// - `panel`: the speaker and their quotes (id empty: unattributed quotes).
#[component]
fn SpeakerPanelView(panel: SpeakerPanel) -> impl IntoView {
    let heading = format!("sp-{}", if panel.id.is_empty() { "unknown".to_string() } else { panel.id.clone() });
    let colour = panel.colour.map_or("cx".to_string(), |c| format!("c{c}"));
    let body = view! {
        <header class="speaker-h">
            <span class=format!("swatch {colour}") aria-hidden="true"></span>
            <h3 id=heading.clone()>{panel.name.clone()}</h3>
            <span class="count-badge">{panel.count} {if panel.count == 1 { " quote" } else { " quotes" }}</span>
        </header>
        {(!panel.titles.is_empty() || panel.affiliation.is_some() || !panel.aliases.is_empty()).then(|| view! {
            <dl class="who">
                {(!panel.titles.is_empty()).then(|| view! { <dt>"Role"</dt><dd>{panel.titles.join(", ")}</dd> })}
                {panel.affiliation.clone().map(|a| view! { <dt>"Affiliation"</dt><dd>{a}</dd> })}
                {(!panel.aliases.is_empty()).then(|| view! { <dt>"Also"</dt><dd>{panel.aliases.join(", ")}</dd> })}
            </dl>
        })}
        {panel.groups.iter().cloned().map(|g| view! {
            <div class="quote-group">
                <h4 class="group-h"><span class="outlet-badge">{g.outlet}</span> " " {g.title}</h4>
                <ul class="quotes">
                    <Chunked rows=g.quotes first=10 chunk=15 cost=QUOTE_COST render=|q| view! { <QuoteItem quote=q /> } />
                </ul>
            </div>
        }).collect_view()}
    };
    if panel.id.is_empty() {
        view! { <section class="speaker unattributed" aria-labelledby=heading.clone()>{body}</section> }.into_any()
    } else {
        view! {
            <section class="speaker" data-testid="speaker-panel" data-speaker=panel.name.clone() aria-labelledby=heading.clone()>
                {body}
            </section>
        }
        .into_any()
    }
}

/// One quote: what was said (direct or reported), the cue, when, nesting,
/// and the outlets carrying it with their wording differences. Selecting it
/// highlights its sentences in the reader.
///
/// - `quote`: the quote and its variants in other outlets.
#[component]
fn QuoteItem(quote: QuoteView) -> impl IntoView {
    let ViewCtx(view) = expect_context();
    let SelectionCtx(selector) = expect_context();
    let sel = Selection::Quote { article: quote.article.clone(), index: quote.index };
    let selected = {
        // This quote, or the same quote in another outlet.
        let keys: Vec<Option<Selection>> = std::iter::once(sel.clone())
            .chain(quote.variants.iter().map(|v| Selection::Quote { article: v.article.clone(), index: v.index }))
            .map(Some)
            .collect();
        Memo::new(move |_| keys.iter().any(|k| selector.selected(k)))
    };
    let toggle = move |_| {
        let mut next = view.get_untracked();
        next.selection = if selected.get_untracked() { None } else { Some(sel.clone()) };
        navigate(view, next, true);
    };
    let kind_label = match quote.kind.as_str() {
        "direct" => "Direct",
        "reported" => "Reported",
        "mixed" => "Mixed",
        _ => "Quote",
    };
    let colour = quote.colour.map_or("cx".to_string(), |c| format!("c{c}"));
    let direct = quote.kind == "direct";
    view! {
        <li class=format!("quote {colour} kind-{}", quote.kind) data-testid="quote" data-kind=quote.kind.clone()
            data-article=quote.article.clone() data-index=quote.index class:selected=move || selected.get()>
            <button type="button" class="quote-btn" aria-pressed=move || if selected.get() { "true" } else { "false" } on:click=toggle>
                <span class="kind">{kind_label}</span>
                {if direct {
                    view! { <q class="text">{quote.text.clone()}</q> }.into_any()
                } else {
                    view! { <span class="text">{quote.text.clone()}</span> }.into_any()
                }}
            </button>
            <p class="quote-meta">
                {(!quote.cue.is_empty()).then(|| view! { <span class="cue">"cue "<b>{quote.cue.clone()}</b></span> })}
                {(!quote.source.is_empty()).then(|| view! { <span class="source">"as “"{quote.source.clone()}"”"</span> })}
                <span class="said" title=quote.when_note.clone()>"when "{quote.when.clone()}</span>
                {quote.repeating.clone().map(|r| view! { <span class="nested">"repeating "{r}</span> })}
                {quote.quoted_by.clone().map(|r| view! { <span class="nested">"as quoted by "{r}</span> })}
            </p>
            <p class="outlets">
                <span class="sr-only">"Carried by: "</span>
                {quote.outlets.iter().cloned().map(|o| view! { <span class="outlet-badge">{o}</span> }).collect_view()}
            </p>
            {quote.variants.iter().cloned().map(|v| view! {
                <p class="variant">
                    <span class="outlet-badge">{v.outlet.clone()}</span>
                    {if v.diff.is_empty() {
                        view! { <span class="same">" same wording"</span> }.into_any()
                    } else {
                        view! {
                            <span class="diff">
                                " "
                                {v.diff.into_iter().map(|d| match d {
                                    Diff::Same(t) => view! { <span>{t}" "</span> }.into_any(),
                                    Diff::Added(t) => view! { <ins><span class="sr-only">"added: "</span>{t}</ins>" " }.into_any(),
                                    Diff::Removed(t) => view! { <del><span class="sr-only">"left out: "</span>{t}</del>" " }.into_any(),
                                }).collect_view()}
                            </span>
                        }.into_any()
                    }}
                </p>
            }).collect_view()}
        </li>
    }
}

// ---------------------------------------------------------------- reader

/// The article list and every article, sentence by sentence.
#[component]
fn ReaderView() -> impl IntoView {
    let CorpusCtx(corpus) = expect_context();
    let queue: RenderQueue = expect_context();
    // Rebuilt in a turn of its own, with the timeline: a selection's
    // sentences are marked as soon as its evidence shows (the articles'
    // texts come later, in the background lane).
    let corpus = queue.staged(corpus, false);
    let ViewCtx(view) = expect_context();
    let ImportsCtx(imports) = expect_context();
    let opened: OpenedCtx = expect_context();
    let articles = Memo::new(move |_| {
        // A story file's articles are not the user's, whatever their ids.
        // Untracked: the imports change with the corpus, which arrives a
        // turn later (staged); rebuilding at once would render every
        // article twice, the first time in one long task.
        let ids: Vec<String> = if opened.is_open() { Vec::new() } else { imports.with_untracked(|i| i.iter().map(|a| a.id.clone()).collect()) };
        corpus.with(|c| model::reader_articles(c, &ids))
    });
    let selected = Memo::new(move |_| {
        let sel = view.with(|v| v.selection.clone());
        corpus.with(|c| model::selected_sentences(c, sel.as_ref()))
    });
    let matches = Memo::new(move |_| {
        let v = view.get();
        corpus.with(|c| model::matching_sentences(c, &v))
    });
    let outlet = Memo::new(move |_| view.with(|v| v.outlet.clone()));
    view! {
        <h2 id="reader-h">"Articles"</h2>
        <nav aria-label="Article list">
            <ul class="article-list">
                {move || articles.with(|a| view! {
                    <Chunked rows=a.clone() first=30 chunk=50 cost=5 render=|a| view! { <ArticleEntry article=a /> } />
                })}
            </ul>
        </nav>
        <p class="legend">
            "Quotes are tinted by speaker; "<span class="timex legend-timex">"dates"</span>
            " show their normalised value on hover or focus."
        </p>
        {move || articles.with(|a| {
            let article = move |a: model::ReaderArticle| {
                let id = a.id.clone();
                let outlet_name = a.outlet.clone();
                let hidden = move || outlet.with(|o| o.as_ref().is_some_and(|o| *o != outlet_name));
                view! {
                    <div class="article-wrap" hidden=hidden>
                        <ArticleView article=a selected=selected matches=matches />
                    </div>
                }
                .attr("data-article", id)
            };
            // The full texts come after the timeline and the panels.
            view! { <Chunked rows=a.clone() first=1 chunk=1 cost=40 * SENTENCE_COST render=article background=true /> }
        })}
    }
}

/// An article in the list: jumps to it; imported ones can be removed.
///
/// - `article`: the article (title, outlet, date, whether imported).
#[component]
fn ArticleEntry(article: model::ReaderArticle) -> impl IntoView {
    let ImportsCtx(imports) = expect_context();
    let StatusCtx(status) = expect_context();
    let CorpusCtx(corpus) = expect_context();
    let id = article.id.clone();
    let jump = {
        let id = id.clone();
        move |_| web::scroll_to_id(&format!("art-{id}"))
    };
    let extract: ExtractCtx = expect_context();
    let remove = {
        let id = id.clone();
        let title = article.title.clone();
        move |_| {
            let id = id.clone();
            let title = title.clone();
            leptos::task::spawn_local(async move {
                match storage::remove(&id).await {
                    Ok(()) => {
                        let mut next = imports.get_untracked();
                        next.retain(|a| a.id != id);
                        extract_in_steps(extract, next.clone(), move |c| {
                            corpus.set(c);
                            imports.set(next);
                            status.set(Some((false, format!("Removed “{title}”."))));
                        });
                    }
                    Err(e) => status.set(Some((true, format!("“{title}” could not be removed ({e}).")))),
                }
            });
        }
    };
    let title = article.title.clone();
    view! {
        <li data-testid="article-item" data-article=id.clone() class:imported=article.imported>
            <button type="button" class="article-btn" on:click=jump>
                <span class="article-title">{article.title.clone()}</span>
                <span class="article-meta">
                    {article.outlet.clone()} " · " <time datetime=article.published.clone()>{article.published.clone()}</time>
                    {article.imported.then(|| " · yours")}
                </span>
            </button>
            {article.imported.then(|| view! {
                <button type="button" class="remove" data-testid="remove-article" aria-label=format!("Remove {title}")
                    disabled=move || extract.running() on:click=remove.clone()>
                    "Remove"
                </button>
            })}
        </li>
    }
}

/// One article: heading, then paragraphs of sentences with quote and date marks.
///
/// - `article`: its text cut into marked pieces.
/// - `selected`: sentences to highlight, `(article id, index)`.
/// - `matches`: sentences matching search or entity filters.
#[component]
fn ArticleView(
    article: model::ReaderArticle,
    selected: Memo<model::Sentences>,
    matches: Memo<model::Sentences>,
) -> impl IntoView {
    let id = article.id.clone();
    let tip_id = {
        let id = id.clone();
        move |i: usize| format!("tip-{id}-{i}")
    };
    // This article's share of the story-wide sets: when the selection or
    // the search changes, only the articles it touches update their sentences.
    let mine = |set: Memo<model::Sentences>| {
        let id = id.clone();
        Memo::new(move |_| set.with(|x| model::sentences_of(x, &id)))
    };
    let (selected, matches) = (mine(selected), mine(matches));
    let sentence = {
        let tip_id = tip_id.clone();
        move |s: model::ReaderSentence| {
            let index = s.index;
            let tip_id = tip_id.clone();
            view! {
                <span class="sentence" class:boilerplate=s.boilerplate data-testid="sentence" data-index=s.index
                    data-selected=move || selected.with(|x| x.binary_search(&index).is_ok()).then_some("true")
                    class:match=move || matches.with(|x| x.binary_search(&index).is_ok())>
                    {s.pieces.into_iter().map(|piece| {
                        let inner = match piece.timex {
                            Some(t) => view! {
                                <time class="timex" tabindex="0" data-value=t.value.clone() data-tip=t.tip.clone()
                                    aria-describedby=tip_id(t.index)>
                                    {piece.text}
                                </time>
                            }.into_any(),
                            None => view! { {piece.text} }.into_any(),
                        };
                        match piece.quote {
                            Some(q) => {
                                let c = piece.colour.map_or("cx".to_string(), |c| format!("c{c}"));
                                view! { <span class=format!("q {c}") data-quote=q>{inner}</span> }.into_any()
                            }
                            None => inner,
                        }
                    }).collect_view()}
                </span>
                " "
            }
        }
    };
    view! {
        <article class="article" data-testid="reader" id=format!("art-{id}") aria-labelledby=format!("h-{id}")>
            <h3 id=format!("h-{id}") tabindex="-1">{article.title.clone()}</h3>
            <p class="article-meta">
                <span class="outlet-badge">{article.outlet.clone()}</span> " "
                <time datetime=article.published.clone()>{article.published.clone()}</time>
            </p>
            <Chunked rows=article.paragraphs first=8 chunk=6 cost=4 * SENTENCE_COST
                render=move |p: model::ReaderParagraph| view! {
                    <p>
                        <Chunked rows=p.sentences first=40 chunk=40 cost=SENTENCE_COST render=sentence.clone() />
                    </p>
                } />
            <div hidden>
                <Chunked rows=article.tips first=1 chunk=200 cost=1
                    render=move |(i, t): (usize, String)| view! { <span id=tip_id(i)>{t}</span> } />
            </div>
        </article>
    }
}
