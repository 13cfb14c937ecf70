//! Failed sign-ins are limited: per login (someone guessing one account's
//! password) and per client address (someone trying many accounts). A
//! limit reached refuses further tries for the rest of the window, even
//! with the right password; a successful sign-in clears its login's count.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub per_login: usize,
    pub per_address: usize,
    pub window: Duration,
}

impl Default for Limits {
    /// 5 wrong passwords per account and 20 per address in 15 minutes.
    fn default() -> Self {
        Self {
            per_login: 5,
            per_address: 20,
            window: Duration::from_secs(15 * 60),
        }
    }
}

#[derive(Clone, Default)]
pub struct LoginLimiter {
    limits: Limits,
    failures: Arc<Mutex<HashMap<String, VecDeque<Instant>>>>,
}

impl LoginLimiter {
    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            failures: Arc::default(),
        }
    }

    /// `Some(wait)` when this login or address may not try now.
    pub fn blocked(&self, login: &str, address: Option<&str>, now: Instant) -> Option<Duration> {
        let mut failures = self.failures.lock().expect("limiter lock");
        let mut wait = None;
        for (key, limit) in self.keys(login, address) {
            let Some(times) = failures.get_mut(&key) else {
                continue;
            };
            forget_old(times, now, self.limits.window);
            if times.len() >= limit {
                let until = times[times.len() - limit] + self.limits.window;
                wait = wait.max(Some(until.saturating_duration_since(now)));
            }
        }
        wait
    }

    pub fn failed(&self, login: &str, address: Option<&str>, now: Instant) {
        let mut failures = self.failures.lock().expect("limiter lock");
        for (key, _) in self.keys(login, address) {
            let times = failures.entry(key).or_default();
            forget_old(times, now, self.limits.window);
            times.push_back(now);
        }
        // Keep the map from growing without end under a flood.
        if failures.len() > 10_000 {
            failures.retain(|_, t| {
                t.back()
                    .is_some_and(|last| now.duration_since(*last) < self.limits.window)
            });
        }
    }

    pub fn succeeded(&self, login: &str) {
        self.failures
            .lock()
            .expect("limiter lock")
            .remove(&login_key(login));
    }

    fn keys(&self, login: &str, address: Option<&str>) -> Vec<(String, usize)> {
        let mut keys = vec![(login_key(login), self.limits.per_login)];
        if let Some(a) = address {
            keys.push((format!("address:{a}"), self.limits.per_address));
        }
        keys
    }
}

fn login_key(login: &str) -> String {
    format!("login:{}", login.trim().to_lowercase())
}

fn forget_old(times: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_wrong_passwords_block_the_login_until_the_window_passes() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for i in 0..5 {
            assert_eq!(
                limiter.blocked("anna", Some("1.2.3.4"), t0),
                None,
                "try {i}"
            );
            limiter.failed("Anna", Some("1.2.3.4"), t0);
        }
        let wait = limiter
            .blocked("anna", Some("5.6.7.8"), t0)
            .expect("blocked");
        assert_eq!(wait, Duration::from_secs(900));
        // Another account from the same address is not blocked yet.
        assert_eq!(limiter.blocked("ben", Some("1.2.3.4"), t0), None);
        let later = t0 + Duration::from_secs(901);
        assert_eq!(limiter.blocked("anna", Some("1.2.3.4"), later), None);
    }

    #[test]
    fn many_accounts_tried_from_one_address_block_the_address() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for i in 0..20 {
            limiter.failed(&format!("konto{i}"), Some("1.2.3.4"), t0);
        }
        assert!(limiter.blocked("neu", Some("1.2.3.4"), t0).is_some());
        assert!(limiter.blocked("neu", Some("9.9.9.9"), t0).is_none());
    }

    #[test]
    fn a_successful_sign_in_clears_its_login() {
        let limiter = LoginLimiter::default();
        let t0 = Instant::now();
        for _ in 0..4 {
            limiter.failed("anna", None, t0);
        }
        limiter.succeeded("anna");
        limiter.failed("anna", None, t0);
        assert!(limiter.blocked("anna", None, t0).is_none());
    }
}
