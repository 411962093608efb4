import Testing
@testable import AmoLint

/// A PHP file's code regions share one list of literals, each region a span of it, and
/// the class brands are gathered with one insertion per change of brand: both are what
/// the plain computations give (each block's literals filtered from the lexer's, the set
/// of every class-marked button's brand), on pages of many blocks and brands.
struct SharedLiteralsTests {
    static let pieces = ["<?php echo '<b class=\"amocrm_oauth\">'; ?>", "<?php $a = \"x\" . 'y'; ?>", "<?php /* '?> */ ?>", "<?= 'kommo' ?>",
                         "<div class=\"kommo_oauth\"></div>", "<div class=\"amocrm_oauth\"></div>", "<!-- <?php echo 'c'; ?> -->",
                         "<?php echo <<<H\n<i class=\"kommo_oauth\">\nH;\n?>", "text ", "<?php echo '<a id=\"amocrm_oauth\">';", "\n"]

    @Test func regionsAndBrandsAreThePlainOnes() {
        var g = SplitMix(seed: 0x1173)
        for _ in 0..<500 {
            let page = (0..<g.below(30)).map { _ in Self.pieces[g.below(Self.pieces.count)] }.joined()
            let file = SourceFile(path: "p.php", text: page)
            let document = Document(file)
            let (blocks, literals, lexed) = file.bytes.withUnsafeBufferPointer { b in
                let php = PHPLexer.lex(b)
                return (php.blocks.map(\.code), php.literals.map(\.range), Needles.contains("<?", in: b) && Needles.mayHoldButton(b))
            }
            let regions = document.codeRegions.filter { region in blocks.contains(region.range) }
            if lexed { #expect(regions.map(\.range) == blocks, "\(page.debugDescription)") }
            for region in regions {
                let plain = literals.filter { region.range.contains($0.lowerBound) }
                #expect(Array(region.literals) == plain, "\(page.debugDescription)")
            }
            var brands = Set<Brand>()
            for layer in document.layers { for b in layer.buttons where b.marker == .brandClass { brands.insert(b.brand) } }
            #expect(document.classBrands == brands, "\(page.debugDescription)")
        }
    }
}
