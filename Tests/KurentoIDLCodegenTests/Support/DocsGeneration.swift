import Foundation
import KurentoIDL
import KurentoIDLCodegen
import Testing

/// Runs the docs target in memory and keeps its warnings.
enum DocsGeneration {
    struct Output {
        var files: [String: String]
        var diagnostics: [Diagnostic]
    }

    /// Docs for `inputs` (absolute paths), reporting paths relative to `base`; front-end errors fail the test.
    static func generate(_ inputs: [String], searchPaths: [String] = [], base: String) throws -> Output {
        let result = Frontend(inputs: inputs, searchPaths: searchPaths, baseDirectory: base).run()
        let errors = result.diagnostics.all.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        var diagnostics = Diagnostics()
        let files = try Generator.generate(try #require(result.schema), options: GenerationOptions(targets: [.docs]),
                                           diagnostics: &diagnostics)
        return Output(files: Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }),
                      diagnostics: diagnostics.sorted)
    }

    /// Docs for a module `snip` whose top-level members are `members` (JSON text), against idl/'s platform.
    static func snippet(_ members: String) throws -> Output {
        let folder = try Paths.temporaryFolder("docs-snippet")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "{\"name\": \"snip\", \"version\": \"1.0.0\", \"kurentoVersion\": \"^1.0.0\",\n\(members)\n}\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("snip.kmd.json"))
        let platform = [Paths.idl("core"), Paths.idl("elements"), Paths.idl("filters")]
        return try generate([folder.appendingPathComponent("snip.kmd.json").path], searchPaths: platform, base: folder.path)
    }
}
