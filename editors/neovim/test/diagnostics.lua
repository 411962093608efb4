-- Headless check: open a page, wait for amolint's diagnostics, write them as
-- JSON (0-based lines, byte columns, as vim.diagnostic holds them) to $OUT.
local out = os.getenv("OUT")
local expected = tonumber(os.getenv("EXPECTED_COUNT") or "1")
local ok = vim.wait(10000, function() return #vim.diagnostic.get(0) >= expected end, 20)
local items = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(items, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    code = code, severity = d.severity, source = d.source, message = d.message,
  })
end
local f = assert(io.open(out, "w"))
f:write(vim.fn.json_encode({ ok = ok, diagnostics = items }))
f:close()
vim.cmd("qa!")
