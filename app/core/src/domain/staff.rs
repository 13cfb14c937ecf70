//! Staff of the contact office (issue 5): their accounts' names and roles.
//! Passwords never enter the core: the server hashes them (argon2id).

use super::Problem;
use serde::{Deserialize, Serialize};

/// What a staff member may do. Both roles edit the directory; admins also
/// manage staff accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Editor,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        match raw.trim() {
            "editor" => Ok(Role::Editor),
            "admin" => Ok(Role::Admin),
            _ => Err(Problem::OneOf("editor, admin")),
        }
    }

    /// German, for pages.
    pub fn label(self) -> &'static str {
        match self {
            Role::Editor => "Redaktion",
            Role::Admin => "Verwaltung",
        }
    }

    /// May this role do what `needed` may?
    pub fn covers(self, needed: Role) -> bool {
        self >= needed
    }
}

/// The name a staff member signs in with: 3–40 characters, lowercase
/// letters, digits, `.`, `-`, `_`; typed in any case, kept in lowercase.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Login(String);

impl Login {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err(Problem::Empty);
        }
        if s.chars().count() < 3 {
            return Err(Problem::TooShort { min: 3 });
        }
        if s.chars().count() > 40 {
            return Err(Problem::TooLong { max: 40 });
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        {
            return Err(Problem::Other(
                "nur Kleinbuchstaben, Ziffern, Punkt, Binde- und Unterstrich".into(),
            ));
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_value!(Login);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_kept_in_lowercase_and_checked() {
        assert_eq!(Login::parse(" Anna.B ").unwrap().as_str(), "anna.b");
        assert_eq!(Login::parse("ab"), Err(Problem::TooShort { min: 3 }));
        assert!(Login::parse("anna b").is_err());
        assert!(Login::parse("änna").is_err());
        assert!(Login::parse(&"a".repeat(41)).is_err());
    }

    #[test]
    fn an_admin_may_do_what_an_editor_may_not_the_reverse() {
        assert!(Role::Admin.covers(Role::Editor));
        assert!(Role::Editor.covers(Role::Editor));
        assert!(!Role::Editor.covers(Role::Admin));
        assert_eq!(Role::parse("admin"), Ok(Role::Admin));
        assert!(Role::parse("root").is_err());
    }
}
