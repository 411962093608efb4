// Starts `amolint server` from the PATH for the languages in extension.toml, and
// hands it the user's `lsp.amolint.settings` as the `amolint` settings section.
use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

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

    /// Zed answers the server's `workspace/configuration` request for the section
    /// `amolint` with the `amolint` key of this value, and sends the whole value
    /// with `workspace/didChangeConfiguration` when the settings change.
    fn language_server_workspace_configuration(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        let settings = LspSettings::for_worktree("amolint", worktree)?.settings.unwrap_or_else(|| serde_json::json!({}));
        // `settings` is the section itself ({"rules": …}); one already wrapped
        // in {"amolint": …} is passed on as it is.
        if settings.get("amolint").is_some() {
            return Ok(Some(settings));
        }
        Ok(Some(serde_json::json!({ "amolint": settings })))
    }
}

zed::register_extension!(Amolint);
