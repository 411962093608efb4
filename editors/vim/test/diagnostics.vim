" Headless check with Vim + ALE: wait for amolint's diagnostics on the open
" buffer and write them as JSON (0-based lines, 0-based byte columns) to $OUT.
let s:deadline = reltime()
let s:expected = str2nr($EXPECTED_COUNT)
while reltimefloat(reltime(s:deadline)) < 20
    let s:items = filter(copy(ale#engine#GetLoclist(bufnr(''))), 'v:val.linter_name ==# "amolint"')
    if len(s:items) >= s:expected
        break
    endif
    sleep 50m
endwhile
let s:out = []
for s:i in s:items
    " ALE columns are 1-based bytes, end columns inclusive.
    call add(s:out, {'lnum': s:i.lnum - 1, 'col': s:i.col - 1, 'end_lnum': get(s:i, 'end_lnum', s:i.lnum) - 1,
    \ 'end_col': get(s:i, 'end_col', s:i.col), 'code': get(s:i, 'code', '')})
endfor
call writefile([json_encode({'diagnostics': s:out})], $OUT)
qa!
