import Foundation
import Testing
@testable import KurentoIDL

/// `PreparedDependencies` only saves work: a run over prepared dependencies gives the same modules and the
/// same diagnostics, in the same order, as a run that resolves and validates them afresh. Checked with the
/// project's platform modules (the kmd fuzzer's search path) against inputs that reuse all of it, part of it
/// (an input takes the name of a platform module) or none of it.
@Suite struct PreparedDependenciesTests {
    /// (what the case is, its files)
    static let cases: [(String, [Frontend.Source])] = [
        ("imports the platform through kurentoVersion", [file("m", """
            {"name": "m", "version": "1.0.0", "kurentoVersion": "^1.0.0",
             "remoteClasses": [{"name": "A", "extends": "MediaElement", "constructor": {"params": [
                {"name": "mediaPipeline", "type": "MediaPipeline"}]}}]}
            """)]),
        ("a platform module's version out of range", [file("m", """
            {"name": "m", "version": "1.0.0", "kurentoVersion": "^2.0.0", "remoteClasses": [{"name": "A", "extends": "Filter"}]}
            """)]),
        ("explicit imports, errors and warnings of its own", [file("m", """
            {"name": "m", "version": "1.0.0", "kurentoVersion": "^1.0.0",
             "imports": [{"name": "filters", "version": "^1.0.0"}, {"name": "nowhere", "version": "1.0.0"}],
             "remoteClasses": [{"name": "MediaElement", "extends": "Missing", "propreties": []}]}
            """)]),
        ("an input named core: elements and filters are resolved against it", [file("core", """
            {"name": "core", "version": "1.0.0", "remoteClasses": [{"name": "MediaObject"}]}
            """), file("m", """
            {"name": "m", "version": "1.0.0", "kurentoVersion": "^1.0.0", "remoteClasses": [{"name": "A", "extends": "Filter"}]}
            """)]),
        ("an input named filters: core and elements are reused", [file("filters", """
            {"name": "filters", "version": "1.0.0", "kurentoVersion": "^1.0.0", "remoteClasses": [{"name": "F", "extends": "HubPort"}]}
            """)]),
        ("not JSON at all", [("m.kmd.json", Array("{\"name\": ".utf8))]),
    ]

    static func file(_ name: String, _ text: String) -> Frontend.Source { ("\(name).kmd.json", Array(text.utf8)) }

    @Test(arguments: cases.indices)
    func sameResult(_ index: Int) {
        let (name, sources) = Self.cases[index]
        expectSameResult(sources, name)
    }

    /// Every corpus module folder as input (with the corpus's own core, elements and filters among them).
    @Test(.enabled(if: Corpus.isAvailable, Corpus.missingMessage))
    func corpusFolders() throws {
        let folders = Dictionary(grouping: Corpus.kmdFiles) { $0.deletingLastPathComponent().path }
        #expect(folders.count > 3)
        for (folder, urls) in folders {
            let sources = try urls.map { url -> Frontend.Source in
                (Corpus.relativePath(url), [UInt8](try Data(contentsOf: url)))
            }
            expectSameResult(sources, folder)
        }
    }

    /// The cases above do take the prepared work where they should, and only there.
    @Test func reusedUnlessAnInputTakesTheName() {
        func reused(_ index: Int) -> [String] {
            var diags = Diagnostics()
            let inputs = Frontend.modules(fromSources: Self.cases[index].1, isDependency: false, &diags)
            var resolver = ImportResolver(inputs: inputs, dependencies: KmdFuzzOracle.platform, diags: &diags)
            for module in inputs { resolver.resolve(module.name.value, diags: &diags) }
            return KurentoModules.names.filter { KmdFuzzOracle.prepared.entry($0, in: resolver) != nil }
        }
        #expect(reused(0) == ["core", "elements", "filters"])
        #expect(reused(3) == [])
        #expect(reused(4) == ["core", "elements"])
    }

    private func expectSameResult(_ sources: [Frontend.Source], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var diags = Diagnostics()
        let inputs = Frontend.modules(fromSources: sources, isDependency: false, &diags)
        let plain = Frontend.assemble(inputs: inputs, dependencies: KmdFuzzOracle.platform, diags: diags, dependencyDiags: Diagnostics())
        let prepared = Frontend.assemble(inputs: inputs, dependencies: KmdFuzzOracle.prepared, diags: diags, dependencyDiags: Diagnostics())
        #expect(prepared.diagnostics.all == plain.diagnostics.all, "\(name)", sourceLocation: sourceLocation)
        #expect(prepared.schema?.modules == plain.schema?.modules, "\(name)", sourceLocation: sourceLocation)
        #expect(prepared.schema?.inputModules == plain.schema?.inputModules, "\(name)", sourceLocation: sourceLocation)
    }
}
