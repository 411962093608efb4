-- amolint for Neovim: starts `amolint server` for the buffers that can hold
-- an amoCRM / Kommo button. Uses vim.lsp.start on Neovim 0.8+, and
-- vim.lsp.start_client + buf_attach_client on 0.7.
local M = {}

M.filetypes = {
  "html", "php", "blade", "twig", "htmldjango", "vue", "javascriptreact", "typescriptreact",
  "javascript", "typescript",
}

M.defaults = {
  name = "amolint",
  cmd = { "amolint", "server" },
  root_markers = { ".amolint.json", ".git" },
  -- The `amolint` settings section (protocol/settings.schema.json), sent on
  -- workspace/configuration: { enable = true, rules = { ["missing-state"] = "off" } }.
  settings = { amolint = {} },
}

local clients = {} -- root folder -> client id (0.7 path)

local function root_dir(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  for _, marker in ipairs(markers) do
    local found = vim.fn.findfile(marker, start .. ";")
    if found == "" then found = vim.fn.finddir(marker, start .. ";") end
    if found ~= "" then return vim.fn.fnamemodify(found, ":p:h"):gsub("/%.git$", "") end
  end
  return start
end

function M.attach(bufnr, opts)
  opts = vim.tbl_deep_extend("force", M.defaults, opts or {})
  local root = root_dir(bufnr, opts.root_markers)
  local config = {
    name = opts.name,
    cmd = opts.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    settings = opts.settings,
    init_options = opts.settings.amolint,
    on_attach = opts.on_attach,
  }
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

function M.setup(opts)
  local group = vim.api.nvim_create_augroup("amolint", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.filetypes,
    callback = function(args) M.attach(args.buf, opts) end,
  })
  -- Buffers already open when setup runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr, opts)
    end
  end
end

return M
