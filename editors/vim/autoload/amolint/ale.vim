" amolint for ALE: `amolint server` as an LSP linter (lsp: 'stdio').
call ale#Set('amolint_executable', 'amolint')
call ale#Set('amolint_options', {})

function! amolint#ale#ProjectRoot(buffer) abort
    for l:marker in ['.amolint.json', '.git']
        let l:found = ale#path#FindNearestFile(a:buffer, l:marker)
        if empty(l:found)
            let l:found = ale#path#FindNearestDirectory(a:buffer, l:marker)
        endif
        if !empty(l:found)
            return fnamemodify(substitute(l:found, '/$', '', ''), ':h')
        endif
    endfor
    return expand('#' . a:buffer . ':p:h')
endfunction

function! amolint#ale#Define(filetype) abort
    call ale#linter#Define(a:filetype, {
    \   'name': 'amolint',
    \   'lsp': 'stdio',
    \   'executable': {b -> ale#Var(b, 'amolint_executable')},
    \   'command': '%e server',
    \   'project_root': function('amolint#ale#ProjectRoot'),
    \   'language': a:filetype,
    \   'lsp_config': {b -> {'amolint': ale#Var(b, 'amolint_options')}},
    \   'initialization_options': {b -> extend({'positionEncoding': 'utf-8'}, ale#Var(b, 'amolint_options'))},
    \})
endfunction
