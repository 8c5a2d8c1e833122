//! Helpers shared by the integration tests: fixtures, temporary folders, dates and the binary.
//! Each test file takes what it needs with `mod support;` (unused helpers are allowed: not every
//! file uses every one).
#![allow(dead_code)]

pub mod xlsx_xml;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;

/// A workbook of `fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// A fresh temporary folder for one test of one file (`group`), removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(group: &str, name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("acm-{group}-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temporary folder");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A date that is known to exist.
pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

/// Runs `acm-planner` with `args`.
pub fn run_binary<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_acm-planner"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// What the binary wrote to stderr.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
