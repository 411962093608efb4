-- Headless check: run amolint's `amolint.applyAllFixes` command through
-- workspace/executeCommand, as a key binding would; the server answers with
-- workspace/applyEdit, which Neovim's own handler applies to the buffer. The
-- whole buffer is written to $OUT.
local out = os.getenv("OUT")
local function finish(result)
  local f = assert(io.open(out, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end
local found = vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 20)
if not found then return finish({ error = "no diagnostics" }) end
local client = vim.lsp.get_active_clients()[1]
local commands = (client.server_capabilities.executeCommandProvider or {}).commands or {}
if not vim.tbl_contains(commands, "amolint.applyAllFixes") then return finish({ error = "command not advertised" }) end
local before = vim.b.changedtick
local document = { uri = vim.uri_from_bufnr(0), version = vim.lsp.util.buf_versions[vim.api.nvim_get_current_buf()] }
local responses = vim.lsp.buf_request_sync(0, "workspace/executeCommand",
  { command = "amolint.applyAllFixes", arguments = { document } }, 5000) or {}
for _, response in pairs(responses) do
  if response.err then return finish({ error = response.err }) end
end
-- The edit arrives as a request from the server; wait for Neovim to apply it.
vim.wait(5000, function() return vim.b.changedtick ~= before end, 20)
finish({ text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n") })
