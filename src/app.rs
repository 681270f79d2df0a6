//! The components.

use leptos::prelude::*;

use crate::corpus::extract_corpus;
use crate::model::{reader_paragraphs, summarize, ArticleSummary, ReaderParagraph};

/// The whole page: the article list and the reader.
#[component]
pub fn App() -> impl IntoView {
    let (documents, story) = extract_corpus();
    let summaries: Vec<ArticleSummary> =
        documents.iter().zip(&story.articles).map(|(d, r)| summarize(d, r)).collect();
    let paragraphs: Vec<Vec<ReaderParagraph>> =
        documents.iter().zip(&story.articles).map(|(d, r)| reader_paragraphs(d, r)).collect();
    let (selected, set_selected) = signal(0usize);
    let titles: Vec<String> = summaries.iter().map(|s| s.title.clone()).collect();

    view! {
        <header class="masthead" role="banner">
            <h1>"Dateline"</h1>
            <p class="tagline">"What happened when, and who said what — checked against the text."</p>
        </header>
        <div class="layout">
            <nav class="articles" aria-label="Articles">
                <h2>"Articles"</h2>
                <ArticleList summaries=summaries selected=selected on_select=set_selected />
            </nav>
            <main class="reader" id="reader" aria-live="polite">
                {move || {
                    let i = selected.get();
                    view! { <Reader title=titles[i].clone() paragraphs=paragraphs[i].clone() /> }
                }}
            </main>
        </div>
    }
}

/// The embedded articles, one button each.
///
/// - `summaries`: the articles to list, in corpus order.
/// - `selected`: index of the article shown in the reader.
/// - `on_select`: set when the user picks an article.
#[component]
fn ArticleList(summaries: Vec<ArticleSummary>, selected: ReadSignal<usize>, on_select: WriteSignal<usize>) -> impl IntoView {
    view! {
        <ul class="article-list">
            {summaries
                .into_iter()
                .enumerate()
                .map(|(i, s)| {
                    view! {
                        <li data-testid="article-item" data-article=s.id.clone()>
                            <button
                                type="button"
                                aria-current=move || (selected.get() == i).then_some("true")
                                on:click=move |_| on_select.set(i)
                            >
                                <span class="article-title">{s.title}</span>
                                <span class="article-meta">{s.outlet} " · " <time datetime=s.published.clone()>{s.published.clone()}</time></span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// One article's text, paragraph by paragraph and sentence by sentence.
///
/// - `title`: the article's headline.
/// - `paragraphs`: its sentences grouped by paragraph.
#[component]
fn Reader(title: String, paragraphs: Vec<ReaderParagraph>) -> impl IntoView {
    view! {
        <article class="article" data-testid="reader">
            <h2>{title}</h2>
            {paragraphs
                .into_iter()
                .map(|p| {
                    view! {
                        <p>
                            {p.sentences
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <span
                                            class="sentence"
                                            class:boilerplate=s.boilerplate
                                            data-testid="sentence"
                                            data-index=s.index
                                        >
                                            {s.text}
                                        </span>
                                        " "
                                    }
                                })
                                .collect_view()}
                        </p>
                    }
                })
                .collect_view()}
        </article>
    }
}
