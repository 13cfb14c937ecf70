//! Group cards as HTML: the markup of a list of groups.

use super::Facets;
use crate::domain::{Accepting, Format, PublicGroup, Status, Taxonomy, TopicId};
use crate::search::Highlighter;
use html_escape::{encode_double_quoted_attribute, encode_text};
use std::fmt::Write;
use time::PrimitiveDateTime;

/// `text` with the words that matched the search marked.
fn write_marked(out: &mut String, text: &str, highlighter: &Highlighter) {
    for (run, hit) in highlighter.runs(text) {
        if hit {
            out.push_str("<mark>");
            out.push_str(&encode_text(&run));
            out.push_str("</mark>");
        } else {
            out.push_str(&encode_text(&run));
        }
    }
}

/// Where a card finds the names of a group's topics.
pub trait TopicNames {
    fn topic_name(&self, id: TopicId) -> Option<&str>;
}

impl TopicNames for Facets {
    fn topic_name(&self, id: TopicId) -> Option<&str> {
        self.topics
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.as_str())
    }
}

impl TopicNames for Taxonomy {
    fn topic_name(&self, id: TopicId) -> Option<&str> {
        self.get(id).map(|t| t.data.name.as_str())
    }
}

/// How a list shows its group cards.
pub struct CardStyle<'a> {
    /// The search that found the groups, to mark what matched.
    pub query: &'a str,
    /// The topics' names, to list each group's topics.
    pub topics: Option<&'a dyn TopicNames>,
    /// Now, for the next meeting (none: not shown).
    pub as_of: Option<PrimitiveDateTime>,
    /// 2 where the cards sit right under the page's h1, 3 under an h2.
    pub heading: u8,
}

/// A list of groups, as the markup of its container.
///
/// Cards hold no event handlers (the router catches clicks on their links),
/// so a list is markup, written by the same function on the server, in the
/// page and in the browser's replica (which answers the search while the
/// visitor types with finished cards): the browser's parser builds it far
/// faster than element-by-element DOM calls from wasm, hydration has
/// nothing to walk inside it, and the bundle carries no view code for
/// cards. Every text is escaped here.
pub fn cards_html<'a>(
    groups: impl IntoIterator<Item = &'a PublicGroup>,
    style: &CardStyle,
) -> String {
    let highlighter = Highlighter::new(style.query);
    let mut out = String::new();
    for g in groups {
        write_card(&mut out, g, &highlighter, style);
    }
    out
}

/// One group in a list.
fn write_card(out: &mut String, group: &PublicGroup, highlighter: &Highlighter, style: &CardStyle) {
    let h = if style.heading == 2 { "h2" } else { "h3" };
    let _ = write!(
        out,
        r#"<article class="group-card"><{h} class="card-title"><a href="/gruppe/{}">"#,
        encode_double_quoted_attribute(group.slug.as_str())
    );
    write_marked(out, group.name.as_str(), highlighter);
    let _ = write!(out, r#"</a></{h}><p class="meta">"#);
    if let Some(d) = group.district() {
        let _ = write!(
            out,
            r#"<span class="district">{}</span>"#,
            encode_text(d.as_str())
        );
    }
    if let Some(topics) = style.topics {
        let names: Vec<&str> = group
            .topics
            .iter()
            .filter_map(|id| topics.topic_name(*id))
            .collect();
        if !names.is_empty() {
            let _ = write!(
                out,
                r#"<span class="topics">{}</span>"#,
                encode_text(&names.join(", "))
            );
        }
    }
    out.push_str(r#"</p><p class="description">"#);
    write_marked(out, group.description.as_str(), highlighter);
    out.push_str("</p>");
    let rhythm = group
        .rhythm()
        .into_iter()
        .next()
        .or_else(|| group.schedule_note.as_ref().map(|n| n.to_string()));
    if let Some(r) = rhythm {
        let _ = write!(out, r#"<p class="rhythm">{}</p>"#, encode_text(&r));
    }
    if let Some(next) = style.as_of.and_then(|now| group.next_meeting_text(now)) {
        let _ = write!(
            out,
            r#"<p class="next">Nächstes Treffen: {}</p>"#,
            encode_text(&next)
        );
    }
    out.push_str(r#"<ul class="badges">"#);
    let status = match group.status {
        Status::Founding => Some(("badge badge-new", "in Gründung")),
        Status::Paused => Some(("badge badge-muted", "pausiert")),
        _ => None,
    };
    let accepting = match (group.status, group.accepting_new_members) {
        (Status::Active, Accepting::Yes) => Some(("badge badge-ok", "nimmt neue Mitglieder auf")),
        (Status::Active, Accepting::OnRequest) => {
            Some(("badge badge-ok", "neue Mitglieder nach Absprache"))
        }
        _ => None,
    };
    let step_free = group
        .accessibility
        .step_free
        .then_some(("badge", "barrierefrei"));
    let format = (group.format != Format::InPerson).then(|| ("badge", group.format.label()));
    for (class, label) in [status, accepting, step_free, format].into_iter().flatten() {
        let _ = write!(out, r#"<li class="{class}">{label}</li>"#);
    }
    out.push_str("</ul></article>");
}
