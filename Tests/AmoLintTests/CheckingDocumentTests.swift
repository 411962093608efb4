import Testing
@testable import AmoLint

/// `Linter.lint` of a file builds its document without the code regions only editor
/// features read: it must report exactly what the full document reports, in every file kind.
struct CheckingDocumentTests {
    static let pieces = ["<?php echo '<b class=\"amocrm_oauth\" data-color=\"red\">'; ?>", "<?= 'kommo' ?>", "text ", "\n",
                         "<script class=\"amocrm_oauth\" data-client-id=\"x\" src=\"http://www.amocrm.ru/auth/button.min.js\"></script>",
                         "<script>var s=document.createElement('script');s.className='amocrm_oauth';s.dataset.clientId='x';s.src='https://www.amocrm.ru/auth/button.min.js';</script>",
                         "<script>el.innerHTML = '<div class=\"kommo_oauth\" data-theme=\"x\"></div>';</script>",
                         "const b = <script className=\"amocrm_oauth\" data-title={t} />;", "`<i class=\"amocrm_oauth\" ${a}>`;",
                         "<!-- amolint-disable-next-line missing-state -->",
                         "<script>\n// amolint-disable-next-line placeholder-value\nvar t=document.createElement('script');t.className='kommo_oauth';t.dataset.clientId='x';\n</script>", "<div class=\"amocrm_oauth\" data-scopes=\"crm, notifications\"></div>"]

    @Test func checkingDocumentsReportWhatFullDocumentsReport() {
        var g = SplitMix(seed: 0xC0DE)
        for path in ["p.html", "p.php", "p.js", "p.jsx", "p.vue", "p.twig"] {
            for _ in 0..<120 {
                let page = (0..<g.below(12)).map { _ in Self.pieces[g.below(Self.pieces.count)] }.joined()
                let file = SourceFile(path: path, text: page)
                let full = Document(file), checking = Document(checking: file)
                #expect(checking.codeRegions.isEmpty)
                #expect(Linter.lint(checking, cache: nil).diagnostics == Linter.lint(full, cache: nil).diagnostics, "\(path) \(page.debugDescription)")
                #expect(Linter.lint(file).diagnostics == Linter.lint(full, cache: nil).diagnostics, "\(path) \(page.debugDescription)")
            }
        }
    }
}
