//! Server-side state shared by pages and server functions.

use std::sync::{Arc, RwLock};
use wegweiser_core::directory::Directory;

/// The current public directory. Writers build a new [`Directory`] and swap
/// it in; readers take a cheap `Arc` snapshot and never wait on a rebuild.
#[derive(Clone)]
pub struct DirectoryHandle(Arc<RwLock<Arc<Directory>>>);

impl DirectoryHandle {
    pub fn new(directory: Directory) -> Self {
        Self(Arc::new(RwLock::new(Arc::new(directory))))
    }

    pub fn snapshot(&self) -> Arc<Directory> {
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn replace(&self, directory: Directory) {
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(directory);
    }
}
