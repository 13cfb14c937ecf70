//! Staff accounts in the store: created by `server user add` or by an
//! admin, passwords hashed with argon2id (PHC strings), signed in by login
//! and password.

use crate::db::StoreError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use serde::Serialize;
use sqlx::{Row, SqlitePool};
use std::sync::LazyLock;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use wegweiser_core::domain::{Login, Name, Problem, Role, StaffId};

/// A signed-in (or listed) staff member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Staff {
    pub id: StaffId,
    pub login: Login,
    pub name: String,
    pub role: Role,
    pub disabled: bool,
}

/// A password as typed: 12 to 200 characters. Length is what makes a
/// password strong (BSI, NIST SP 800-63B); no other rules.
pub struct Password(String);

impl Password {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let n = raw.chars().count();
        if n < 12 {
            return Err(Problem::TooShort { min: 12 });
        }
        if n > 200 {
            return Err(Problem::TooLong { max: 200 });
        }
        Ok(Self(raw.to_owned()))
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("Den Anmeldenamen „{0}“ gibt es schon.")]
    Taken(Login),
    #[error("Unbekanntes Konto.")]
    Unknown,
    #[error("Das letzte aktive Verwaltungskonto kann nicht abgegeben oder gesperrt werden.")]
    LastAdmin,
}

impl From<sqlx::Error> for AccountError {
    fn from(e: sqlx::Error) -> Self {
        AccountError::Store(e.into())
    }
}

/// Hash a password with argon2id (the crate's defaults: 19 MiB, 2 passes,
/// OWASP's recommendation) and a random salt. Takes tens of
/// milliseconds: call it off the async threads.
pub fn hash(password: &Password) -> String {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.0.as_bytes(), &salt)
        .expect("argon2 hashes any password with a fresh salt")
        .to_string()
}

/// Check a password against a stored hash.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Checked when a login is unknown, so that an unknown login takes as
/// long as a wrong password: the answer's time tells nothing.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash(&Password::parse("no account has this password").unwrap()));

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).expect("a UTC time formats as RFC 3339")
}

fn staff_of(row: &sqlx::sqlite::SqliteRow) -> Result<Staff, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        kind: "staff",
        id: row.get("id"),
        reason,
    };
    Ok(Staff {
        id: StaffId::parse(row.get("id")).map_err(|e| corrupt(e.to_string()))?,
        login: Login::parse(row.get("login")).map_err(|e| corrupt(e.to_string()))?,
        name: row.get("name"),
        role: Role::parse(row.get("role")).map_err(|e| corrupt(e.to_string()))?,
        disabled: row.get::<Option<String>, _>("disabled_at").is_some(),
    })
}

#[derive(Clone)]
pub struct Accounts {
    pool: SqlitePool,
}

impl Accounts {
    pub fn new(pool: SqlitePool) -> Self {
        Self { pool }
    }

    pub async fn add(
        &self,
        login: &Login,
        name: &Name,
        role: Role,
        password: &Password,
    ) -> Result<Staff, AccountError> {
        let password_hash = {
            let password = Password(password.0.clone());
            tokio::task::spawn_blocking(move || hash(&password))
                .await
                .expect("hashing does not panic")
        };
        let id = StaffId(uuid::Uuid::new_v4());
        let inserted = sqlx::query(
            "INSERT INTO staff (id, login, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (login) DO NOTHING",
        )
        .bind(id.to_string())
        .bind(login.as_str())
        .bind(name.as_str())
        .bind(role.as_str())
        .bind(password_hash)
        .bind(rfc3339(OffsetDateTime::now_utc()))
        .execute(&self.pool)
        .await?;
        if inserted.rows_affected() == 0 {
            return Err(AccountError::Taken(login.clone()));
        }
        Ok(Staff {
            id,
            login: login.clone(),
            name: name.as_str().to_owned(),
            role,
            disabled: false,
        })
    }

    /// The account with this login and password, if it may sign in.
    pub async fn sign_in(&self, login: &str, password: &str) -> Result<Option<Staff>, StoreError> {
        let row = match Login::parse(login) {
            Ok(login) => {
                sqlx::query("SELECT * FROM staff WHERE login = ?")
                    .bind(login.as_str())
                    .fetch_optional(&self.pool)
                    .await?
            }
            Err(_) => None,
        };
        let stored = row
            .as_ref()
            .map(|r| r.get::<String, _>("password_hash"))
            .unwrap_or_else(|| DUMMY_HASH.clone());
        let password = password.to_owned();
        let ok = tokio::task::spawn_blocking(move || verify(&password, &stored))
            .await
            .expect("verifying does not panic");
        match row {
            Some(row) if ok => {
                let staff = staff_of(&row)?;
                Ok((!staff.disabled).then_some(staff))
            }
            _ => Ok(None),
        }
    }

    pub async fn get(&self, id: StaffId) -> Result<Option<Staff>, StoreError> {
        sqlx::query("SELECT * FROM staff WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(staff_of)
            .transpose()
    }

    pub async fn list(&self) -> Result<Vec<Staff>, StoreError> {
        sqlx::query("SELECT * FROM staff ORDER BY login")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(staff_of)
            .collect()
    }

    /// Change an account's role or disable/enable it. The last active
    /// admin stays an active admin, so the office never locks itself out.
    pub async fn update(
        &self,
        id: StaffId,
        role: Option<Role>,
        disabled: Option<bool>,
    ) -> Result<Staff, AccountError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let row = sqlx::query("SELECT * FROM staff WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(AccountError::Unknown)?;
        let mut staff = staff_of(&row)?;
        let stays_admin =
            role.unwrap_or(staff.role) == Role::Admin && !disabled.unwrap_or(staff.disabled);
        if staff.role == Role::Admin && !staff.disabled && !stays_admin {
            let others: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM staff WHERE role = 'admin' AND disabled_at IS NULL AND id != ?",
            )
            .bind(id.to_string())
            .fetch_one(&mut *tx)
            .await?;
            if others == 0 {
                return Err(AccountError::LastAdmin);
            }
        }
        if let Some(role) = role {
            staff.role = role;
        }
        if let Some(disabled) = disabled {
            staff.disabled = disabled;
        }
        sqlx::query("UPDATE staff SET role = ?, disabled_at = CASE WHEN ? THEN COALESCE(disabled_at, ?) ELSE NULL END WHERE id = ?")
            .bind(staff.role.as_str())
            .bind(staff.disabled)
            .bind(rfc3339(OffsetDateTime::now_utc()))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(staff)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let p = Password::parse("korrekt pferd batterie").unwrap();
        let h = hash(&p);
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("korrekt pferd batterie", &h));
        assert!(!verify("korrekt pferd batteriE", &h));
        assert!(!verify("korrekt pferd batterie", "not a hash"));
    }

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(
            Password::parse("kurz").unwrap_err(),
            Problem::TooShort { min: 12 }
        );
        assert!(Password::parse("zwölf Zeichen").is_ok());
    }
}
