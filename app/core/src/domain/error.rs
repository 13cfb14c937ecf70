use std::fmt;

/// Why a value was rejected. The `Display` text is the German message shown
/// to people (next to a form field, in an import report, in an API error).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("darf nicht leer sein")]
    Empty,
    #[error("ist zu lang (höchstens {max} Zeichen)")]
    TooLong { max: usize },
    #[error("ist zu kurz (mindestens {min} Zeichen)")]
    TooShort { min: usize },
    #[error("enthält Steuerzeichen")]
    ControlCharacters,
    #[error("ist keine gültige Telefonnummer ({0})")]
    Phone(&'static str),
    #[error("ist keine gültige E-Mail-Adresse")]
    Email,
    #[error("ist keine gültige Webadresse (muss mit https:// oder http:// beginnen)")]
    Website,
    #[error("ist keine gültige Postleitzahl (5 Ziffern)")]
    PostalCode,
    #[error("ist kein gültiges Datum (JJJJ-MM-TT)")]
    Date,
    #[error("ist keine gültige Uhrzeit (HH:MM)")]
    Time,
    #[error("Ende muss nach dem Beginn liegen")]
    EndBeforeStart,
    #[error("ist kein gültiger Wert; erlaubt: {0}")]
    OneOf(&'static str),
    #[error("ist keine bekannte Sprache (ISO-639-1-Code, z. B. de, en, tr)")]
    Language,
    #[error("ist keine gültige ID (UUID)")]
    Uuid,
    #[error("ist kein gültiger Kurzname (Kleinbuchstaben, Ziffern, Bindestriche)")]
    Slug,
    #[error("ist kein bekanntes Thema")]
    UnknownTopic,
    #[error("ist keine bekannte Kontaktstelle")]
    UnknownOffice,
    #[error("braucht mindestens einen Eintrag")]
    AtLeastOne,
    #[error("enthält einen Eintrag doppelt")]
    Duplicate,
    #[error("ist außerhalb des erlaubten Bereichs ({0})")]
    Range(&'static str),
    #[error("fehlt: Gruppen vor Ort oder hybrid brauchen einen Treffpunkt")]
    LocationRequired,
    #[error("ist weder eine Telefonnummer noch eine E-Mail-Adresse")]
    Reach,
    #[error("muss bestätigt sein: ohne Einwilligung dürfen wir die Angaben nicht verarbeiten")]
    Consent,
    #[error("ist keine Gruppe im Verzeichnis")]
    UnknownGroup,
    #[error("trifft sich nicht mehr; die Kontaktstelle hilft gern, eine andere Gruppe zu finden")]
    GroupEnded,
    #[error("{0}")]
    Other(String),
}

/// A problem with one field of a record. `field` is a dotted path such as
/// `contact.phone` or `schedules[1].start`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: Problem) -> Self {
        Self {
            field: field.into(),
            problem,
        }
    }

    /// Prefix the field path, e.g. `start` inside `schedules[1]`.
    pub fn within(mut self, parent: &str) -> Self {
        self.field = if self.field.is_empty() {
            parent.to_owned()
        } else {
            format!("{parent}.{}", self.field)
        };
        self
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

impl std::error::Error for FieldError {}

/// All problems of one record, so a form or an import report can show every
/// one of them at once rather than the first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordErrors(pub Vec<FieldError>);

impl RecordErrors {
    pub fn push(&mut self, field: impl Into<String>, problem: Problem) {
        self.0.push(FieldError::new(field, problem));
    }

    /// Run a parse, keep its value, and remember its error under `field`.
    pub fn check<T>(&mut self, field: &str, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(p) => {
                self.push(field, p);
                None
            }
        }
    }

    /// Like [`check`](Self::check) for nested values that report their own paths.
    pub fn nested<T>(&mut self, parent: &str, result: Result<T, RecordErrors>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.extend(e.0.into_iter().map(|fe| fe.within(parent)));
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, RecordErrors> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for RecordErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RecordErrors {}
