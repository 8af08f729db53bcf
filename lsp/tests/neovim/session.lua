-- A real editor session, run by `nvim --headless -u NONE -l`-less Neovim 0.7:
--   nvim --headless --clean -c "luafile session.lua"
-- It starts pmf-lsp the way lsp/editors/README.md tells Neovim users to, opens a spec file,
-- types an error, and writes what the server answered to $PMF_NVIM_OUT, one fact a line.

local bin = os.getenv("PMF_LSP_BIN")
local file = os.getenv("PMF_NVIM_FILE")
local out_path = os.getenv("PMF_NVIM_OUT")
local out = {}
local function say(s) table.insert(out, s) end
local function finish()
  local f = io.open(out_path, "w")
  f:write(table.concat(out, "\n") .. "\n")
  f:close()
  vim.cmd("qall!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "pmf-lsp",
    cmd = { bin },
    root_dir = vim.fn.fnamemodify(file, ":h"),
  })
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  if not vim.wait(20000, function() return client.initialized end, 50) then
    say("error: the server did not initialise")
    return
  end
  say("initialized")

  -- Type an error: the first `counts contact` becomes `counts contatc`.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local typo_line
  for i, l in ipairs(lines) do
    if l == "  counts contact" then typo_line = i - 1; break end
  end
  vim.api.nvim_buf_set_text(buf, typo_line, 13, typo_line, 16, { "atc" })
  local got = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum == typo_line then return true end
    end
    return false
  end, 50)
  if got then
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum == typo_line then
        say(string.format("diagnostic %d:%d %s %s", d.lnum + 1, d.col + 1, tostring(d.code), (d.message:gsub("\n.*", ""))))
      end
    end
  else
    say("error: no diagnostic for the typo")
  end

  -- Hover and definition on `iaa_outcome` in AD/002's breakdown.
  local target_line, target_col
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local c = l:find("by iaa_outcome", 1, true)
    if c then target_line = i - 1; target_col = c + 3; break end
  end
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    position = { line = target_line, character = target_col },
  }
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000)
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then
      local first = (r.result.contents.value or ""):gsub("\n.*", "")
      say("hover " .. first)
    elseif r.err then
      say("error: hover " .. vim.inspect(r.err))
    end
  end
  local def = vim.lsp.buf_request_sync(buf, "textDocument/definition", params, 10000)
  for _, r in pairs(def or {}) do
    local loc = r.result
    if loc and loc.uri == nil and loc[1] then loc = loc[1] end
    if loc and loc.uri then
      say(string.format("definition %s:%d:%d", vim.fn.fnamemodify(vim.uri_to_fname(loc.uri), ":t"), loc.range.start.line + 1, loc.range.start.character + 1))
    elseif r.err then
      say("error: definition " .. vim.inspect(r.err))
    end
  end
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end)
if not ok then say("error: " .. tostring(err)) end
finish()
