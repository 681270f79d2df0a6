//! Statements and happenings: a statement made at a frame event (a press
//! conference, talks) belongs to it instead of standing on the timeline,
//! and a statement stands on the timeline only when it is itself the news
//! (the text dates it, or it is an announcement, a denial, an accusation):
//! the rest stay in the speaker panels.


use crate::date::Date;
use crate::lexicon::Map;

use super::words::NEWS_STATEMENTS;
use super::{Class, Event};

/// Statements at a frame event belong to it: the first frame of the day
/// whose participants include the speaker or are unknown. Frames are
/// indexed by day (the first of the day; the first without participants;
/// the first with each participant).
pub(super) fn attach_statements(events: &mut [Event]) {
    let mut first_frame: Map<Date, usize> = Map::default();
    let mut first_open_frame: Map<Date, usize> = Map::default();
    let mut first_frame_with: Map<(Date, String), usize> = Map::default();
    for (f, e) in events.iter().enumerate() {
        let Some((day, last)) = e.time.range else { continue };
        if e.class != Class::Frame || e.dropped || day != last {
            continue;
        }
        first_frame.entry(day).or_insert(f);
        if e.participants.is_empty() {
            first_open_frame.entry(day).or_insert(f);
        }
        for p in &e.participants {
            first_frame_with.entry((day, p.clone())).or_insert(f);
        }
    }
    for i in 0..events.len() {
        if events[i].class != Class::Statement || events[i].cued {
            continue;
        }
        let Some(day) = events[i].time.range.filter(|r| r.0 == r.1).map(|r| r.0) else { continue };
        let frame = match &events[i].speaker {
            None => first_frame.get(&day).copied(),
            Some(s) => {
                let with = first_frame_with.get(&(day, s.clone())).copied();
                let open = first_open_frame.get(&day).copied();
                with.into_iter().chain(open).min()
            }
        };
        if let Some(f) = frame {
            events[i].at_frame = Some(f);
            events[i].dropped = true;
        }
    }
}

/// Drops the statements that are not news: neither dated by their own
/// clause ("said Thursday") nor made with a cue that is news by itself
/// (announced, denied, accused, confirmed; see `news-statements` in
/// `data/event_words.txt`).
pub(super) fn keep_news_statements(events: &mut [Event]) {
    for e in events.iter_mut().filter(|e| e.class == Class::Statement && e.is_verb) {
        if !e.explicit && !NEWS_STATEMENTS.contains(e.lemma.as_str()) {
            e.dropped = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Fixture;

    fn kept(text: &str) -> Vec<String> {
        let f = Fixture::new(text);
        let timeline = super::super::merge_timeline(f.events());
        timeline.items.iter().map(|i| i.label.clone()).collect()
    }

    #[test]
    fn a_dated_statement_or_an_announcement_is_news() {
        let items = kept("Mayor Ana Ortiz said on Monday that the bridge would reopen. The council announced a new budget. Ortiz said the budget was fair.");
        assert_eq!(items, ["Ana Ortiz says the bridge would reopen", "The council announces a new budget"]);
    }

    #[test]
    fn a_statement_at_a_press_conference_belongs_to_it() {
        let items = kept("John Smith held a press conference with Mary Jones on Wednesday. Jones said on Wednesday the budget was fair.");
        assert_eq!(items, ["John Smith holds a press conference with Mary Jones"]);
    }
}
