import Foundation
import KurentoIDL
import KurentoIDLCodegen
import Testing

/// Snippet tests: a kmd fragment in, an expected Swift fragment out. The fragment is wrapped into module
/// `snip`, checked against the project's idl/ platform modules, and must produce no diagnostic at all.
enum Snippet {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Generates swift-server code for a module whose top-level members are `members` (JSON text such as
    /// `"complexTypes": [ … ]`); returns the contents of the file with the given suffix (`ServerTypes` …).
    static func generate(_ members: String, file suffix: String) throws -> String {
        let folder = try Paths.temporaryFolder("snippet")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = """
            {"name": "snip", "version": "1.0.0", "kurentoVersion": "^1.0.0", \(members)}
            """
        try Data(text.utf8).write(to: folder.appendingPathComponent("snip.kmd.json"))
        let platform = [Paths.idl("core"), Paths.idl("elements"), Paths.idl("filters")]
        let result = Frontend(inputs: [folder.path], searchPaths: platform).run()
        if !result.diagnostics.all.isEmpty {
            throw Failure(description: "unexpected diagnostics:\n" + result.diagnostics.all.map(\.description).joined(separator: "\n"))
        }
        let files = try Generator.generate(try #require(result.schema), options: GenerationOptions(targets: [.swiftServer]))
        let file = try #require(files.first { $0.path == "Snip\(suffix).swift" })
        return file.contents
    }

    /// Expects `fragment` (compared line by line, exactly) in the generated file.
    static func expect(_ members: String, file suffix: String, contains fragment: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let output = try generate(members, file: suffix)
        #expect(output.contains(fragment), "expected in Snip\(suffix).swift:\n\(fragment)\n--- got:\n\(output)",
                sourceLocation: sourceLocation)
    }
}
