// Starts `amolint server` from the PATH for the languages in extension.toml.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Amolint;

impl zed::Extension for Amolint {
    fn new() -> Self {
        Amolint
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let path = worktree
            .which("amolint")
            .ok_or_else(|| "amolint is not on the PATH: run `make install PREFIX=~/.local` in the amolint repository".to_string())?;
        Ok(zed::Command { command: path, args: vec!["server".into()], env: Default::default() })
    }
}

zed::register_extension!(Amolint);
