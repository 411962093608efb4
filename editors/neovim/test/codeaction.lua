-- Headless check: apply amolint's quick fix for `data-color="Blue"` through a
-- textDocument/codeAction request, as vim.lsp.buf.code_action does, and write
-- the resulting buffer line to $OUT.
local out = os.getenv("OUT")
local function finish(result)
  local f = assert(io.open(out, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end
local found = vim.wait(10000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == "invalid-color" then return true end
  end
  return false
end, 20)
if not found then return finish({ error = "no invalid-color diagnostic" }) end
local target
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  if code == "invalid-color" then target = d end
end
local client = vim.lsp.get_active_clients()[1]
-- The range in the client's position encoding, as vim.lsp.buf.code_action builds it.
local range = vim.lsp.util.make_given_range_params(
  { target.lnum + 1, target.col }, { target.end_lnum + 1, target.end_col }, 0, client.offset_encoding
).range
local lsp_diagnostic = { range = range, code = "invalid-color", source = "amolint", message = target.message }
local params = {
  textDocument = vim.lsp.util.make_text_document_params(),
  range = range,
  context = { diagnostics = { lsp_diagnostic } },
}
local responses = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 5000) or {}
local chosen
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    if action.isPreferred and action.kind == "quickfix" then chosen = action end
  end
end
if not chosen then return finish({ error = "no preferred quick fix", responses = responses }) end
vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
finish({ title = chosen.title, line = vim.api.nvim_buf_get_lines(0, target.lnum, target.lnum + 1, false)[1] })
