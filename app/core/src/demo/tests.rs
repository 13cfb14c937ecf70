use super::build::topic_id;
use super::*;
use crate::domain::{Format, Group, Office, Slug, Status, Taxonomy, TopicId};
use std::collections::HashSet;

fn json(r: &Records) -> String {
    serde_json::to_string(r).expect("serialises")
}

#[test]
fn same_arguments_same_bytes() {
    assert_eq!(json(&generate(300, 7)), json(&generate(300, 7)));
    assert_eq!(
        json(&demo_records()),
        json(&generate(DEFAULT_GROUPS, DEFAULT_SEED))
    );
    assert_ne!(json(&generate(300, 7)), json(&generate(300, 8)));
}

#[test]
fn a_larger_directory_starts_with_the_smaller_one() {
    let small = generate(120, 3);
    let large = generate(400, 3);
    assert_eq!(small.groups[..], large.groups[..120]);
}

#[test]
fn topics_and_offices_do_not_depend_on_seed_or_size() {
    let a = generate(5, 1);
    let b = generate(700, 99);
    assert_eq!(a.topics, b.topics);
    assert_eq!(a.offices, b.offices);
    let alkohol = a
        .topics
        .iter()
        .find(|t| t.data.name.as_str() == "Alkohol")
        .unwrap();
    assert_eq!(alkohol.id, topic_id(&Slug::from_name("Alkohol")));
}

#[test]
fn taxonomy_is_valid_and_close_to_practice() {
    let r = generate(0, DEFAULT_SEED);
    assert!(r.groups.is_empty());
    let tax = Taxonomy::new(r.topics.clone()).expect("valid tree");
    assert!((45..=60).contains(&tax.len()), "{} topics", tax.len());
    let path = |slug: &str| -> Vec<String> {
        let t = tax
            .by_slug(slug)
            .unwrap_or_else(|| panic!("{slug} missing"));
        tax.path(t.id)
            .iter()
            .map(|t| t.data.name.as_str().to_owned())
            .collect()
    };
    assert_eq!(path("alkohol"), ["Gesundheit", "Sucht", "Alkohol"]);
    assert_eq!(
        path("depression"),
        ["Gesundheit", "Psychische Gesundheit", "Depression"]
    );
    assert_eq!(
        path("long-covid"),
        ["Gesundheit", "Chronische Erkrankungen", "Long Covid"]
    );
    assert_eq!(
        path("alleinerziehende"),
        ["Soziale Selbsthilfe", "Alleinerziehende"]
    );
    assert_eq!(path("lgbtq"), ["Soziale Selbsthilfe", "LGBTQ+"]);
    let synonyms = |slug: &str| -> Vec<String> {
        tax.by_slug(slug)
            .unwrap()
            .data
            .synonyms
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect()
    };
    assert!(synonyms("alkohol").contains(&"trocken werden".to_owned()));
    assert!(synonyms("diabetes").contains(&"Zucker".to_owned()));
    assert!(synonyms("gluecksspiel").contains(&"Zocken".to_owned()));
    assert!(
        r.topics.iter().all(|t| !t.data.synonyms.is_empty()),
        "every term has everyday words"
    );
}

#[test]
fn every_template_topic_exists_and_every_leaf_has_a_kind_of_group() {
    let r = generate(0, 1);
    let tax = Taxonomy::new(r.topics.clone()).unwrap();
    let names: HashSet<&str> = r.topics.iter().map(|t| t.data.name.as_str()).collect();
    let mut main_topics = HashSet::new();
    for t in vocab::TEMPLATES {
        assert!(
            !t.names.is_empty()
                && !t.descriptions.is_empty()
                && !t.topics.is_empty()
                && t.topics.len() <= 2
        );
        for n in t.topics.iter().chain(t.related) {
            assert!(names.contains(n), "unknown topic {n}");
        }
        main_topics.extend(t.topics.iter().copied());
        let tag = t.names.iter().any(|n| n.contains("{tag}"));
        assert!(
            !tag || t.weekly,
            "{{tag}} only in weekly groups: {:?}",
            t.names
        );
    }
    for leaf in r
        .topics
        .iter()
        .filter(|t| tax.children(t.id).next().is_none())
    {
        assert!(
            main_topics.contains(leaf.data.name.as_str()),
            "no kind of group for {}",
            leaf.data.name
        );
    }
}

fn groups_with(r: &Records, topic: &str) -> usize {
    let id = r
        .topics
        .iter()
        .find(|t| t.data.name.as_str() == topic)
        .unwrap_or_else(|| panic!("{topic}"))
        .id;
    r.groups
        .iter()
        .filter(|g| g.data.topics.contains(&id))
        .count()
}

#[test]
fn the_default_directory_covers_the_whole_spectrum() {
    let r = demo_records();
    assert_eq!(r.groups.len(), DEFAULT_GROUPS);
    let tax = r.taxonomy().unwrap();
    for leaf in r
        .topics
        .iter()
        .filter(|t| tax.children(t.id).next().is_none())
    {
        assert!(
            groups_with(&r, leaf.data.name.as_str()) > 0,
            "no group for {}",
            leaf.data.name
        );
    }
    for family in [
        "Alkohol",
        "Demenz und pflegende Angehörige",
        "Trauer",
        "Alleinerziehende",
        "Diabetes",
        "Depression",
        "Junge Selbsthilfe",
    ] {
        assert!(groups_with(&r, family) > 0, "{family}");
    }
    assert!(
        groups_with(&r, "Alkohol") >= 8,
        "addiction groups are the most common"
    );

    let status = |s: Status| r.groups.iter().filter(|g| g.data.status == s).count();
    assert!(status(Status::Founding) > 0 && status(Status::Paused) > 0);
    assert!(status(Status::Active) > DEFAULT_GROUPS * 3 / 4);

    let published = r.groups.iter().filter(|g| g.data.contact.publish).count();
    assert!(
        published > 20 && published < DEFAULT_GROUPS / 2,
        "{published}"
    );
    let addresses: Vec<bool> = r
        .groups
        .iter()
        .filter_map(|g| g.data.location.as_ref())
        .map(|l| l.publish_address)
        .collect();
    assert!(addresses.contains(&true) && addresses.contains(&false));

    let format = |f: Format| r.groups.iter().filter(|g| g.data.format == f).count();
    assert!(format(Format::InPerson) > DEFAULT_GROUPS * 2 / 3);
    assert!(format(Format::Online) > 0 && format(Format::Hybrid) > 0);
    assert!(r
        .groups
        .iter()
        .all(|g| (g.data.format == Format::Online) == g.data.location.is_none()));

    let step_free = r
        .groups
        .iter()
        .filter(|g| g.data.location.is_some() && g.data.accessibility.step_free)
        .count();
    let located = r
        .groups
        .iter()
        .filter(|g| g.data.location.is_some())
        .count();
    let share = step_free * 100 / located;
    assert!((45..=75).contains(&share), "{share}% step-free");

    assert!(r
        .groups
        .iter()
        .any(|g| g.data.schedules.is_empty() && g.data.schedule_note.is_some()));
    assert!(r.groups.iter().any(|g| g.data.schedules.len() == 2));
    assert!(r.groups.iter().any(|g| g.data.languages.len() > 1));
    assert!(r
        .groups
        .iter()
        .any(|g| g.data.audience == crate::domain::Audience::Relatives));
    let young: Vec<_> = r
        .groups
        .iter()
        .filter(|g| g.data.age_focus.is_some())
        .collect();
    assert!(!young.is_empty());
    assert!(young
        .iter()
        .all(|g| g.data.age_focus.unwrap().label() == "18–35 Jahre"));
    let mut offices: Vec<_> = r.groups.iter().map(|g| g.data.office_id).collect();
    offices.sort();
    offices.dedup();
    assert_eq!(offices.len(), 3);
}

/// Every rule of the domain holds for every record, checked the way an
/// import checks: through JSON.
fn assert_valid(r: &Records) {
    let topics: HashSet<TopicId> = r
        .taxonomy()
        .expect("valid taxonomy")
        .all()
        .iter()
        .map(|t| t.id)
        .collect();
    let offices: HashSet<_> = r.offices.iter().map(|o| o.id).collect();
    let mut slugs = HashSet::new();
    let mut ids = HashSet::new();
    for g in &r.groups {
        let back: Group = serde_json::from_str(&serde_json::to_string(g).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", g.data.slug));
        assert_eq!(&back, g);
        assert!(
            slugs.insert(g.data.slug.clone()),
            "slug {} twice",
            g.data.slug
        );
        assert!(ids.insert(g.id), "id {} twice", g.id);
        assert!(
            g.data.topics.iter().all(|t| topics.contains(t)),
            "{}",
            g.data.slug
        );
        assert!(offices.contains(&g.data.office_id));
        assert!((1..=3).contains(&g.data.topics.len()));
        let c = &g.data.contact;
        assert!(c
            .email
            .as_ref()
            .is_none_or(|e| e.as_str().ends_with(".example.org")
                || ["@example.org", "@example.net", "@example.com"]
                    .iter()
                    .any(|d| e.as_str().ends_with(d))));
        assert!(c
            .phone
            .as_ref()
            .is_none_or(|p| p.as_str().starts_with("0555 ")));
        assert!(c
            .website
            .as_ref()
            .is_none_or(|w| w.short().starts_with("example.")));
        let verified = g.data.last_verified.expect("verified");
        assert!((2025..=2026).contains(&verified.year()));
        assert!(g.updated_at >= time::macros::datetime!(2026-11-01 09:00 UTC));
    }
    for o in &r.offices {
        let back: Office = serde_json::from_str(&serde_json::to_string(o).unwrap()).unwrap();
        assert_eq!(&back, o);
        assert!(o.data.phone.as_str().starts_with("0555 "));
    }
    let whole: Records = serde_json::from_str(&json(r)).unwrap();
    assert_eq!(&whole, r);
}

#[test]
fn the_default_directory_is_valid() {
    assert_valid(&demo_records());
}

#[test]
fn five_thousand_groups_are_valid_with_unique_slugs() {
    let r = generate(5_000, 42);
    assert_eq!(r.groups.len(), 5_000);
    assert_valid(&r);
}

/// `cargo test --release -p wegweiser-core demo -- --ignored --nocapture`
#[test]
#[ignore = "slow in debug builds; run in release"]
fn a_hundred_thousand_groups() {
    let start = std::time::Instant::now();
    let r = generate(100_000, 1);
    let elapsed = start.elapsed();
    let slugs: HashSet<&Slug> = r.groups.iter().map(|g| &g.data.slug).collect();
    assert_eq!(slugs.len(), 100_000);
    println!("generate(100_000, 1): {elapsed:?}");
    for s in [
        Status::Active,
        Status::Founding,
        Status::Paused,
        Status::Ended,
    ] {
        println!(
            "  {:?}: {}",
            s,
            r.groups.iter().filter(|g| g.data.status == s).count()
        );
    }
    assert!(elapsed.as_secs_f64() < 3.0, "{elapsed:?}");
    assert_valid(&r);
}
