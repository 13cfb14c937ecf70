//! The command line: `server` (serve), `server seed`, `server import`,
//! `server export`. See docs/operations.md.

use crate::db::{self, ImportSummary, Store};
use crate::{router, AppState};
use clap::{Parser, Subcommand, ValueEnum};
use leptos::prelude::get_configuration;
use std::path::PathBuf;
use time::OffsetDateTime;
use wegweiser_core::demo;
use wegweiser_core::interchange::{self, ImportError};
use wegweiser_core::records::Records;

#[derive(Parser, Debug)]
#[command(
    name = "server",
    about = "Wegweiser: Verzeichnis der Selbsthilfegruppen"
)]
pub struct Cli {
    /// The database, e.g. sqlite://data/wegweiser.db
    #[arg(long, env = "DATABASE_URL", default_value = db::DEFAULT_DATABASE_URL, global = true)]
    pub database_url: String,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the site (the default). Address from LEPTOS_SITE_ADDR.
    Serve,
    /// Generate a demo directory and import it.
    Seed {
        #[arg(long, default_value_t = demo::DEFAULT_GROUPS)]
        groups: usize,
        #[arg(long, default_value_t = demo::DEFAULT_SEED)]
        seed: u64,
        /// Delete (tombstone) every record not in the generated directory.
        #[arg(long)]
        replace: bool,
    },
    /// Import a directory (JSON) or a list of groups (CSV). All or nothing.
    Import {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: Option<FileFormat>,
        /// Delete (tombstone) records that are not in the file (JSON: all
        /// kinds; CSV: groups).
        #[arg(long)]
        replace: bool,
    },
    /// Export the directory. `-` writes to standard output.
    Export {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: Option<FileFormat>,
    },
    /// List the contact requests received: time, group, request id (never
    /// their content; the staff inbox comes with staff accounts).
    Inbox,
    /// Staff accounts: `server user add` creates one (the first admin),
    /// `server user list` lists them.
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account. The password is read from the environment
    /// variable WEGWEISER_PASSWORD or, without it, from the first line of
    /// standard input (never from the command line, where other users of
    /// the machine could see it).
    Add {
        #[arg(long)]
        login: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "editor")]
        role: String,
    },
    /// List the accounts: login, role, name, disabled.
    List,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FileFormat {
    Json,
    Csv,
}

impl FileFormat {
    fn of(path: &std::path::Path, given: Option<FileFormat>) -> FileFormat {
        given.unwrap_or_else(|| match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("csv") => FileFormat::Csv,
            _ => FileFormat::Json,
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Start(#[from] crate::StartError),
    #[error(transparent)]
    Store(#[from] db::StoreError),
    #[error("{path}: {source}")]
    File {
        path: String,
        source: std::io::Error,
    },
    #[error("Import abgelehnt, nichts wurde geändert:\n  {}", .0.messages().join("\n  "))]
    Import(#[from] ImportError),
    #[error("configuration: {0}")]
    Config(String),
    #[error("{0}")]
    Input(String),
    #[error(transparent)]
    Account(#[from] crate::staff::accounts::AccountError),
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(&cli.database_url).await,
        Command::Seed {
            groups,
            seed,
            replace,
        } => {
            let store = Store::new(db::connect(&cli.database_url).await?);
            let summary = store
                .import(
                    &demo::generate(groups, seed),
                    replace,
                    OffsetDateTime::now_utc(),
                )
                .await?;
            report(&summary);
            Ok(())
        }
        Command::Import {
            file,
            format,
            replace,
        } => {
            let text = std::fs::read_to_string(&file).map_err(|source| CliError::File {
                path: file.display().to_string(),
                source,
            })?;
            let store = Store::new(db::connect(&cli.database_url).await?);
            let summary = import(&store, &text, FileFormat::of(&file, format), replace).await?;
            report(&summary);
            Ok(())
        }
        Command::User(command) => user(&cli.database_url, command).await,
        Command::Inbox => {
            let store = Store::new(db::connect(&cli.database_url).await?);
            for (id, group, received_at) in store.contact_request_ids().await? {
                println!("{received_at}\t{group}\t{id}");
            }
            Ok(())
        }
        Command::Export { file, format } => {
            let store = Store::new(db::connect(&cli.database_url).await?);
            let text = export(&store, FileFormat::of(&file, format)).await?;
            if file.as_os_str() == "-" {
                print!("{text}");
                Ok(())
            } else {
                std::fs::write(&file, text).map_err(|source| CliError::File {
                    path: file.display().to_string(),
                    source,
                })
            }
        }
    }
}

fn report(s: &ImportSummary) {
    println!(
        "neu: {}, geändert: {}, unverändert: {}, gelöscht: {}",
        s.created, s.updated, s.unchanged, s.deleted
    );
}

/// Parse and check a file completely, then write it in one transaction.
pub async fn import(
    store: &Store,
    text: &str,
    format: FileFormat,
    replace: bool,
) -> Result<ImportSummary, CliError> {
    let now = OffsetDateTime::now_utc();
    let records = match format {
        FileFormat::Json => interchange::from_json(text)?,
        FileFormat::Csv => {
            let current = store.load().await?;
            let context = if replace {
                Records {
                    groups: Vec::new(),
                    ..current.clone()
                }
            } else {
                current.clone()
            };
            let groups =
                interchange::groups_from_csv(text, &context, now, &mut uuid::Uuid::new_v4)?;
            Records { groups, ..current }
        }
    };
    // With CSV, groups not in the file stay unless --replace: import only
    // touches what the file names, so pass just those records.
    let only_file = matches!(format, FileFormat::Csv) && !replace;
    let to_write = if only_file {
        Records {
            topics: vec![],
            offices: vec![],
            groups: records.groups,
        }
    } else {
        records
    };
    Ok(store.import(&to_write, replace, now).await?)
}

async fn user(database_url: &str, command: UserCommand) -> Result<(), CliError> {
    use crate::staff::accounts::{Accounts, Password};
    use wegweiser_core::domain::{Login, Name, Role};
    let accounts = Accounts::new(db::connect(database_url).await?);
    match command {
        UserCommand::Add { login, name, role } => {
            let bad = |field: &str, e: wegweiser_core::domain::Problem| {
                CliError::Input(format!("{field}: {e}"))
            };
            let login = Login::parse(&login).map_err(|e| bad("--login", e))?;
            let name = Name::parse(&name).map_err(|e| bad("--name", e))?;
            let role = Role::parse(&role).map_err(|e| bad("--role", e))?;
            let raw = match std::env::var("WEGWEISER_PASSWORD") {
                Ok(p) => p,
                Err(_) => {
                    let mut line = String::new();
                    std::io::stdin()
                        .read_line(&mut line)
                        .map_err(|e| CliError::Input(format!("Passwort: {e}")))?;
                    line.trim_end_matches(['\r', '\n']).to_owned()
                }
            };
            let password = Password::parse(&raw).map_err(|e| bad("Passwort", e))?;
            let staff = accounts.add(&login, &name, role, &password).await?;
            println!("Konto angelegt: {} ({})", staff.login, staff.role.label());
        }
        UserCommand::List => {
            for s in accounts.list().await? {
                let state = if s.disabled { "gesperrt" } else { "aktiv" };
                println!("{}\t{}\t{}\t{}", s.login, s.role.as_str(), state, s.name);
            }
        }
    }
    Ok(())
}

pub async fn export(store: &Store, format: FileFormat) -> Result<String, CliError> {
    let records = store.load().await?;
    Ok(match format {
        FileFormat::Json => interchange::to_json(&records),
        FileFormat::Csv => interchange::groups_to_csv(&records),
    })
}

async fn serve(database_url: &str) -> Result<(), CliError> {
    let conf = get_configuration(None).map_err(|e| CliError::Config(e.to_string()))?;
    let addr = conf.leptos_options.site_addr;
    let state = AppState::open(conf.leptos_options, database_url).await?;
    let _watch = crate::watch_store(state.clone(), std::time::Duration::from_secs(1));
    let state_pool = state.store.pool().clone();
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .map_err(|source| CliError::File {
            path: addr.to_string(),
            source,
        })?;
    tracing::info!("Wegweiser läuft auf http://{addr}");
    // Expired sessions leave the store once an hour.
    let _sweep = tokio::spawn(
        tower_sessions::session_store::ExpiredDeletion::continuously_delete_expired(
            tower_sessions_sqlx_store::SqliteStore::new(state_pool),
            tokio::time::Duration::from_secs(3600),
        ),
    );
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|source| CliError::File {
        path: addr.to_string(),
        source,
    })
}
