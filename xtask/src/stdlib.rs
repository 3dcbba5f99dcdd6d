//! Obtaining CPython's pure-Python standard library for krait (DESIGN.md, decision 2).
//!
//! The library comes from the npm registry's `pyodide` package, pinned to one
//! version and verified by SHA-256: registry versions never change, so the pin
//! is reproducible, and the package carries CPython's `Lib/` as
//! `python_stdlib.zip`. It is unpacked into the directory the krait binary
//! reports with `krait --print-stdlib-dir` (by default in the user's cache;
//! `KRAIT_STDLIB` overrides it, in which case nothing is fetched). A stamp
//! file records the pin, so a new pin replaces an old installation.

use std::fs;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use sha2::{Digest, Sha256};

use crate::{Result, krait_binary};

/// One pinned, verifiable source of the standard library.
pub struct Pin {
    /// Name recorded in the stamp file.
    pub id: &'static str,
    /// Where to download the archive.
    pub url: &'static str,
    /// SHA-256 of the archive, lowercase hex.
    pub sha256: &'static str,
    /// The member of the archive that holds the library as a zip file.
    pub zip_member: &'static str,
    /// The CPython version whose `Lib/` this is.
    pub python_version: &'static str,
}

/// The pin in use: pyodide 314.0.7 ships CPython 3.14.2's `Lib/`.
pub const PIN: Pin = Pin {
    id: "npm:pyodide@314.0.7",
    url: "https://registry.npmjs.org/pyodide/-/pyodide-314.0.7.tgz",
    sha256: "66b7949e5a0cba2250b586d7e368bf12fb482800748d182c4618254b685ffaa0",
    zip_member: "package/python_stdlib.zip",
    python_version: "3.14.2",
};

/// Name of the stamp file written into an installed library.
const STAMP: &str = ".krait-stdlib-pin";

/// `cargo xtask stdlib`: installs the library if needed and prints its location.
pub fn run(_args: &[String]) -> Result<ExitCode> {
    let krait = krait_binary::build_release()?;
    let dir = ensure_installed(&krait)?;
    println!("{}", dir.display());
    Ok(ExitCode::SUCCESS)
}

/// Makes sure the library is installed where `krait` looks for it; returns that directory.
pub fn ensure_installed(krait: &Path) -> Result<PathBuf> {
    let dir = location(krait)?;
    if std::env::var_os("KRAIT_STDLIB").is_some_and(|v| !v.is_empty()) {
        // An override names a library the user manages; never download over it.
        if !dir.join("os.py").is_file() {
            return Err(format!(
                "KRAIT_STDLIB={} does not hold a Python standard library (no os.py)",
                dir.display()
            )
            .into());
        }
        return Ok(dir);
    }
    if fs::read_to_string(dir.join(STAMP)).is_ok_and(|stamp| stamp.trim() == PIN.id) {
        return Ok(dir);
    }
    eprintln!(
        "xtask: installing CPython {} standard library from {} into {}",
        PIN.python_version,
        PIN.url,
        dir.display()
    );
    let archive = download(PIN.url)?;
    verify_sha256(&archive, PIN.sha256)?;
    let zip_bytes = read_tar_gz_member(&archive, PIN.zip_member)?;
    install_zip(&zip_bytes, &dir)?;
    Ok(dir)
}

/// The directory krait reads the library from, as the binary itself reports it.
fn location(krait: &Path) -> Result<PathBuf> {
    let output = Command::new(krait)
        .arg("--print-stdlib-dir")
        .output()
        .map_err(|e| format!("cannot run {}: {e}", krait.display()))?;
    if !output.status.success() {
        return Err(format!(
            "krait --print-stdlib-dir failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    let text = String::from_utf8(output.stdout)?;
    Ok(PathBuf::from(text.trim_end_matches('\n')))
}

/// Downloads `url` into memory. TLS trusts the operating system's certificate
/// store (not a bundled list), so machines behind a proxy with its own CA work.
fn download(url: &str) -> Result<Vec<u8>> {
    let tls = ureq::tls::TlsConfig::builder()
        .root_certs(ureq::tls::RootCerts::PlatformVerifier)
        .build();
    let agent: ureq::Agent = ureq::Agent::config_builder().tls_config(tls).build().into();
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| format!("downloading {url}: {e}"))?;
    let bytes = response
        .body_mut()
        .with_config()
        .limit(256 * 1024 * 1024)
        .read_to_vec()
        .map_err(|e| format!("downloading {url}: {e}"))?;
    Ok(bytes)
}

/// Fails unless `bytes` hash to `expected` (lowercase hex SHA-256).
pub fn verify_sha256(bytes: &[u8], expected: &str) -> Result<()> {
    let digest = Sha256::digest(bytes);
    let actual: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    if actual != expected {
        return Err(format!("checksum mismatch: expected sha256 {expected}, got {actual}").into());
    }
    Ok(())
}

/// Reads the member named `name` out of a gzip-compressed tar archive.
pub fn read_tar_gz_member(archive: &[u8], name: &str) -> Result<Vec<u8>> {
    let decoder = flate2::read::GzDecoder::new(archive);
    let mut tar = tar::Archive::new(decoder);
    for entry in tar.entries()? {
        let mut entry = entry?;
        if entry.path()?.as_os_str() == name {
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes)?;
            return Ok(bytes);
        }
    }
    Err(format!("the archive has no member {name}").into())
}

/// Unpacks a zip archive into `dir`, replacing what was there, and stamps it.
/// Unpacking goes to a sibling directory first so a failure leaves no half library.
pub fn install_zip(zip_bytes: &[u8], dir: &Path) -> Result<()> {
    let parent = dir
        .parent()
        .ok_or_else(|| format!("{} has no parent directory", dir.display()))?;
    fs::create_dir_all(parent)?;
    let staging = parent.join(format!(".stdlib-staging-{}", std::process::id()));
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&staging)?;
    let mut zip = zip::ZipArchive::new(Cursor::new(zip_bytes))?;
    for index in 0..zip.len() {
        let mut file = zip.by_index(index)?;
        let Some(relative) = file.enclosed_name() else {
            return Err(format!("unsafe path in archive: {:?}", file.name_raw()).into());
        };
        let target = staging.join(relative);
        if file.is_dir() {
            fs::create_dir_all(&target)?;
        } else {
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            let mut bytes = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
            file.read_to_end(&mut bytes)?;
            fs::write(&target, bytes)?;
        }
    }
    fs::write(staging.join(STAMP), format!("{}\n", PIN.id))?;
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::rename(&staging, dir)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_mismatch_is_an_error() {
        let hash_of_abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert!(verify_sha256(b"abc", hash_of_abc).is_ok());
        assert!(verify_sha256(b"abd", hash_of_abc).is_err());
    }

    #[test]
    fn installs_a_zip_and_stamps_it() {
        let mut zip_bytes = Vec::new();
        {
            let mut writer = zip::ZipWriter::new(Cursor::new(&mut zip_bytes));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            writer.start_file("pkg/mod.py", options).unwrap();
            std::io::Write::write_all(&mut writer, b"x = 1\n").unwrap();
            writer.finish().unwrap();
        }
        let root = std::env::temp_dir().join(format!("xtask-stdlib-test-{}", std::process::id()));
        let dir = root.join("lib");
        install_zip(&zip_bytes, &dir).unwrap();
        assert_eq!(fs::read(dir.join("pkg/mod.py")).unwrap(), b"x = 1\n");
        assert_eq!(fs::read_to_string(dir.join(STAMP)).unwrap().trim(), PIN.id);
        fs::remove_dir_all(root).unwrap();
    }
}
