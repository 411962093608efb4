" amolint: the amoCRM / Kommo OAuth button (see editors/vim/README.md).
call amolint#ale#Define('typescript')
