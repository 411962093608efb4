-- An nvim-lspconfig server definition:
--   require("amolint.lspconfig")
--   require("lspconfig").amolint.setup({})
local configs = require("lspconfig.configs")
local util = require("lspconfig.util")

if not configs.amolint then
  configs.amolint = {
    default_config = {
      cmd = { "amolint", "server" },
      filetypes = require("amolint").filetypes,
      root_dir = util.root_pattern(".amolint.json", ".git"),
      single_file_support = true,
      settings = { amolint = {} },
    },
    docs = {
      description = "amolint: catches mistakes in the amoCRM / Kommo OAuth button (https://github.com/amolint/amolint).",
    },
  }
end

return configs.amolint
