-- Headless check: type into the page as a user would (Neovim sends each change as
-- an incremental didChange: a line added above everything, characters typed into
-- a line, a line deleted), wait for the diagnostics of each version, and write
-- them (as diagnostics.lua does) with the buffer's text: after the first change to
-- $OUT_FIRST and $TEXT_FIRST, after the last to $OUT and $TEXT_OUT.
local out, text_out = os.getenv("OUT"), os.getenv("TEXT_OUT")
local out_first, text_first = os.getenv("OUT_FIRST"), os.getenv("TEXT_FIRST")
local buf = vim.api.nvim_get_current_buf()
local published = -1
local original = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  original(err, result, ctx, config)
  if result and result.version then published = result.version end
end
local function settle()
  return vim.wait(10000, function() return published >= 0 and published == vim.lsp.util.buf_versions[buf] end, 10)
end
local function dump(diagnostics_path, text_path, ok)
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(items, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, code = code })
  end
  local f = assert(io.open(diagnostics_path, "w"))
  f:write(vim.fn.json_encode({ ok = ok, diagnostics = items }))
  f:close()
  local t = assert(io.open(text_path, "w"))
  t:write(table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") .. "\n")
  t:close()
end
local ok = vim.wait(10000, function() return #vim.diagnostic.get(buf) >= 1 end, 20)
-- A new button above everything: every later diagnostic moves down a line.
vim.api.nvim_buf_set_text(buf, 0, 0, 0, 0, { '<div class="amocrm_oauth" data-color="Red">Вход 🚀</div>', "" })
ok = settle() and ok
dump(out_first, text_first, ok)
-- Characters typed one at a time into a line in the middle, Cyrillic and emoji among them.
local middle = math.floor(vim.api.nvim_buf_line_count(buf) / 2)
for _, ch in ipairs({ "ж", "🚀", "x", "<", "b", ">" }) do
  vim.api.nvim_buf_set_text(buf, middle, 0, middle, 0, { ch })
  ok = settle() and ok
end
-- Each value `Blue` becomes `Grey`, a character at a time.
for row, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  local s = line:find('"Blue"', 1, true)
  if s then
    vim.api.nvim_buf_set_text(buf, row - 1, s, row - 1, s + 4, { "Grey" })
    ok = settle() and ok
  end
end
-- A line deleted near the end.
local last = vim.api.nvim_buf_line_count(buf)
vim.api.nvim_buf_set_lines(buf, last - 3, last - 2, false, {})
ok = settle() and ok
dump(out, text_out, ok)
vim.cmd("qa!")
